export default definePageConfig({ navigationBarTitleText: '接待日安排' });
