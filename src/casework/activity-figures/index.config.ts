export default definePageConfig({ navigationBarTitleText: '履职统计', enablePullDownRefresh: true });
