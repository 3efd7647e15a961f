import { chartFonts } from '../../src/casework/dashboard/chart-style';
import { monthlyChart } from '../../src/casework/dashboard/monthly-chart';
import { group, rowsOf, seriesOf } from './figure-chart-fixtures';

// 征集 / 答复 / 办结 per month (src/casework/dashboard/monthly-chart.ts): what each bar and label says.

describe('the monthly chart', () => {
  const months = [
    group('2026-01', '2026年1月', { collected: 30, replied: 28, resolved: 25 }),
    group('2026-02', '2026年2月', { collected: 41, replied: 35, resolved: 20 }),
    group('2026-03', '2026年3月', { collected: 0 }),
  ];

  test('has one row per month of the period, in order, named by the month', () => {
    expect(rowsOf(monthlyChart(months, false))).toEqual(['1月', '2月', '3月']);
  });

  test('draws 征集, 答复 and 办结 of every month, each bar labelled with its count', () => {
    const spec = monthlyChart(months, false);
    expect(seriesOf(spec).map((s) => [s.name, s.data, s.label?.show])).toEqual([
      ['征集', [30, 41, 0], true],
      ['答复', [28, 35, 0], true],
      ['办结', [25, 20, 0], true],
    ]);
  });

  test('names the year of each month when the period spans two years', () => {
    const across = [group('2025-12', '2025年12月', {}), group('2026-01', '2026年1月', {})];
    expect(rowsOf(monthlyChart(across, false))).toEqual(['2025年12月', '2026年1月']);
  });

  test('is summed up in words: the totals and the busiest month', () => {
    expect(monthlyChart(months, false).summary).toBe(
      '2026年1月至3月：征集71件，答复63件，办结45件。征集最多的是2月（41件）。',
    );
    expect(monthlyChart([group('2026-05', '2026年5月', {})], false).summary).toBe(
      '2026年5月：征集0件，答复0件，办结0件。本期没有征集到意见。',
    );
  });

  test('grows with the number of months, so that no two labels overlap', () => {
    const one = monthlyChart(months.slice(0, 1), false);
    const three = monthlyChart(months, false);
    const perMonth = (three.height - one.height) / 2;
    // three bars a month, each at least as thick as its label's text
    expect(perMonth).toBeGreaterThanOrEqual(3 * chartFonts(false).label);
  });
});
