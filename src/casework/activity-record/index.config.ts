export default definePageConfig({ navigationBarTitleText: '登记履职活动' });
