import type { BarSeriesOption } from '../../src/casework/dashboard/chart-style';
import type { ChartSpec } from '../../src/casework/dashboard/chart-style';
import { figuresFromCounts, ZERO_COUNTS, type RawCounts } from '../../src/domain/figures';
import type { FigureGroup } from '../../src/domain/report-views';

// What the chart tests (monthly-chart, rate-chart, chart-style) read of a chart: its groups, series, bars and rows.

export const group = (key: string, label: string, counts: Partial<RawCounts>): FigureGroup => ({
  key,
  label,
  ...figuresFromCounts({ ...ZERO_COUNTS, ...counts }),
});

export type BarItem = {
  value: number;
  insufficient: boolean;
  itemStyle: { color: string };
  label: { show: boolean; formatter: string; fontSize: number };
};
export const seriesOf = (spec: ChartSpec) => spec.option.series as BarSeriesOption[];
export const barsOf = (spec: ChartSpec, name: string) => seriesOf(spec).find((s) => s.name === name)!.data as BarItem[];
export const rowsOf = (spec: ChartSpec) => (spec.option.yAxis as { data: string[] }).data;
