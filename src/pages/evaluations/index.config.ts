export default definePageConfig({ navigationBarTitleText: '代表述职评议' });
