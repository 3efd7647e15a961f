import { monthLabel } from '../../domain/figures';
import type { FigureGroup } from '../../domain/report-views';
import {
  CHART_COLORS,
  type BarSeriesOption,
  chartFonts,
  FONT_FAMILY,
  legend,
  legendHeight,
  type ChartOption,
  type ChartSpec,
} from './chart-style';

/** '3月' for '2026-03'; with the year when a period spans two years. */
export function monthAxisLabel(month: string, withYear: boolean): string {
  return withYear ? monthLabel(month) : `${Number(month.slice(5, 7))}月`;
}

/**
 * 征集 / 答复 / 办结 per month, as three bars per month in rows (months top to bottom), each bar
 * with its count: rows keep the month names and the counts large on a narrow phone, where twelve
 * months of three columns would not fit their labels.
 */
export function monthlyChart(groups: readonly FigureGroup[], large: boolean): ChartSpec {
  const fonts = chartFonts(large);
  const months = groups.map((g) => g.key);
  const withYear = new Set(months.map((m) => m.slice(0, 4))).size > 1;
  const labels = months.map((m) => monthAxisLabel(m, withYear));
  // One bar per line of label text, so that neighbouring labels never overlap.
  const bar = fonts.label + 3;
  const row = bar * 3 + Math.round(fonts.label * 0.9);
  const series = (name: string, color: string, values: number[]): BarSeriesOption => ({
    type: 'bar',
    name,
    data: values,
    barWidth: bar,
    barGap: '0%',
    itemStyle: { color, borderRadius: [0, 3, 3, 0] },
    label: { show: true, position: 'right', fontSize: fonts.label, color: CHART_COLORS.text, distance: 4 },
  });
  const option: ChartOption = {
    textStyle: { fontFamily: FONT_FAMILY },
    color: [CHART_COLORS.collected, CHART_COLORS.replied, CHART_COLORS.resolved],
    legend: legend(['征集', '答复', '办结'], large),
    grid: { left: 4, right: fonts.label * 3, top: legendHeight(large), bottom: 4, containLabel: true },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { show: false },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    yAxis: {
      type: 'category',
      data: labels,
      inverse: true,
      axisLine: { lineStyle: { color: CHART_COLORS.grid } },
      axisLabel: { fontSize: fonts.axis, color: CHART_COLORS.text, margin: 8 },
    },
    series: [
      series(
        '征集',
        CHART_COLORS.collected,
        groups.map((g) => g.collected),
      ),
      series(
        '答复',
        CHART_COLORS.replied,
        groups.map((g) => g.replied),
      ),
      series(
        '办结',
        CHART_COLORS.resolved,
        groups.map((g) => g.resolved),
      ),
    ],
  };
  return {
    option,
    height: legendHeight(large) + row * Math.max(groups.length, 1) + 8,
    summary: monthlySummary(groups, labels),
  };
}

function monthlySummary(groups: readonly FigureGroup[], labels: string[]): string {
  if (groups.length === 0) return '本期没有月份可以统计。';
  const sum = (pick: (g: FigureGroup) => number) => groups.reduce((s, g) => s + pick(g), 0);
  const first = groups[0]!.key;
  const last = groups[groups.length - 1]!.key;
  const sameYear = first.slice(0, 4) === last.slice(0, 4);
  const span =
    first === last
      ? monthLabel(first)
      : `${monthLabel(first)}至${sameYear ? monthAxisLabel(last, false) : monthLabel(last)}`;
  const totals = `${span}：征集${sum((g) => g.collected)}件，答复${sum((g) => g.replied)}件，办结${sum((g) => g.resolved)}件。`;
  let top = 0;
  groups.forEach((g, i) => {
    if (g.collected > groups[top]!.collected) top = i;
  });
  if (groups[top]!.collected === 0) return `${totals}本期没有征集到意见。`;
  return `${totals}征集最多的是${labels[top]}（${groups[top]!.collected}件）。`;
}
