export default definePageConfig({
  navigationBarTitleText: '代表联络站',
  enablePullDownRefresh: true,
});
