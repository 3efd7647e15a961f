export default definePageConfig({ navigationBarTitleText: '承办单位办理情况', enablePullDownRefresh: true });
