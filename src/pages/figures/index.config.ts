export default definePageConfig({ navigationBarTitleText: '各站办理情况' });
