export default definePageConfig({
  navigationBarTitleText: '联络站详情',
  // 转发 from the ··· menu, with the card the page's useShareAppMessage builds.
  enableShareAppMessage: true,
});
