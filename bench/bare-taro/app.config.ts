// A bare one-page Taro app, built with the project's Taro config (config/index.ts, selected by
// TARO_SOURCE_ROOT) so that `npm run bench` can set our weapp package beside Taro's own floor.
export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { navigationBarTitleText: 'bare' },
});
