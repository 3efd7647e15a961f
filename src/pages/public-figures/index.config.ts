export default definePageConfig({
  navigationBarTitleText: '各站办理情况',
  // 转发 from the ··· menu, with the card the page's useShareAppMessage builds.
  enableShareAppMessage: true,
});
