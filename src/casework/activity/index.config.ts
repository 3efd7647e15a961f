export default definePageConfig({ navigationBarTitleText: '履职活动', enablePullDownRefresh: true });
