import { cronProblems } from '../../../scripts/deploy-checks/cron';

describe('a CloudBase cron (秒 分 时 日 月 星期 年)', () => {
  test.each([
    ['0 */1 * * * * *', 'every minute'],
    ['0 5 * * * * *', 'hourly at :05'],
    ['0 0 18 * * * *', 'daily at 18:00'],
    ['0 30 8 * * MON *', 'Mondays at 08:30'],
    ['0 15 10 * * MON-FRI *', 'weekdays at 10:15'],
    ['0 0 10,14,16 * JAN-MAR * 2026-2030', 'lists, named months and years'],
    ['0 1/10 9-17 1-15 * * *', 'a stepped start and ranges'],
  ])('accepts "%s" (%s)', (cron) => {
    expect(cronProblems(cron)).toEqual([]);
  });

  test('refuses a 6-field cron', () => {
    expect(cronProblems('0 */1 * * * *')).toEqual([
      '"0 */1 * * * *" has 6 fields; a CloudBase cron has 7 (秒 分 时 日 月 星期 年)',
    ]);
  });

  test('refuses a weekday written as a digit: the documents disagree on what 0 and 1 mean', () => {
    expect(cronProblems('0 30 8 * * 1 *')).toEqual([
      '"0 30 8 * * 1 *" 星期 weekday: "1" is a digit: write the weekday as MON/TUE/WED/THU/FRI/SAT/SUN',
    ]);
  });

  test.each([
    ['60 * * * * * *', '秒 second: 60 is outside 0–59'],
    ['0 0 24 * * * *', '时 hour: 24 is outside 0–23'],
    ['0 0 0 0 * * *', '日 day of month: 0 is outside 1–31'],
    ['0 0 0 * 13 * *', '月 month: 13 is outside 1–12'],
    ['0 0 0 * * * 1969', '年 year: 1969 is outside 1970–2099'],
    ['0 */0 * * * * *', '分 minute: step "0" is not a positive number'],
    ['0 0 0 * * FRI-MON *', '星期 weekday: range "FRI-MON" runs backwards'],
    ['0 0 0 ? * * *', '日 day of month: "?" is not a valid value'],
  ])('refuses "%s"', (cron, problem) => {
    expect(cronProblems(cron)).toEqual([`"${cron}" ${problem}`]);
  });
});
