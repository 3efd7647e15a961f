import { chartFonts } from '../../src/casework/dashboard/chart-style';
import { monthlyChart } from '../../src/casework/dashboard/monthly-chart';
import { rateChart } from '../../src/casework/dashboard/rate-chart';
import { barsOf, group, seriesOf } from './figure-chart-fixtures';

// The text sizes every chart takes from src/casework/dashboard/chart-style.ts.

describe('大字模式', () => {
  test('enlarges every text of a chart, and the chart with it', () => {
    const months = [group('2026-01', '2026年1月', { collected: 3 })];
    const normal = monthlyChart(months, false);
    const large = monthlyChart(months, true);
    expect(chartFonts(true).label).toBeGreaterThan(chartFonts(false).label);
    expect(chartFonts(false).label).toBeGreaterThanOrEqual(14);
    expect((large.option.yAxis as { axisLabel: { fontSize: number } }).axisLabel.fontSize).toBe(chartFonts(true).axis);
    expect((large.option.legend as { textStyle: { fontSize: number } }).textStyle.fontSize).toBe(
      chartFonts(true).legend,
    );
    expect(seriesOf(large)[0]!.label?.fontSize).toBe(chartFonts(true).label);
    expect(large.height).toBeGreaterThan(normal.height);
    const rates = rateChart([group('a', '甲', { collected: 3 })], 'station', true);
    expect(barsOf(rates, '办复率')[0]!.label.fontSize).toBe(chartFonts(true).label);
  });
});
