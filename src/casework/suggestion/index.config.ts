export default definePageConfig({ navigationBarTitleText: '代表建议', enablePullDownRefresh: true });
