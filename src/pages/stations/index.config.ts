export default definePageConfig({
  navigationBarTitleText: '代表联络站',
  enablePullDownRefresh: true,
  // 转发 from the ··· menu, with the card the page's useShareAppMessage builds.
  enableShareAppMessage: true,
});
