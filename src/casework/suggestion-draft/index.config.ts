export default definePageConfig({ navigationBarTitleText: '起草代表建议' });
