export default definePageConfig({ navigationBarTitleText: '组织述职评议' });
