export default definePageConfig({ navigationBarTitleText: '办理统计' });
