export default definePageConfig({ navigationBarTitleText: '待办意见', enablePullDownRefresh: true });
