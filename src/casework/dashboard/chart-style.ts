import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/*
 * What the dashboard's charts share: the ECharts option type, what a platform chart component
 * draws (FigureChart.h5.tsx with SVG, FigureChart.weapp.tsx on a 2d canvas), the app's colours,
 * typeface and text sizes, and the legend. The charts themselves are monthly-chart.ts and
 * rate-chart.ts: pure, no Taro, no DOM, no clock.
 *
 * Every bar carries its number as a label (counts on the monthly chart, "86.7%（26/30）" on the
 * rate charts), so nothing is hidden behind a tooltip that an older reader would have to find.
 */

export type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption>;

/** What a platform chart component draws: the option, its height in CSS pixels and its text alternative. */
export interface ChartSpec {
  option: ChartOption;
  height: number;
  /** One or two sentences that say what the chart shows, for the caption and aria-label. */
  summary: string;
}

export interface ChartProps {
  spec: ChartSpec;
  className?: string;
}

/** The app's colours (src/app.css): the theme red, its amber and its green. */
export const CHART_COLORS = {
  collected: '#b71c1c',
  replied: '#8a4b00',
  resolved: '#1d4d27',
  replyRate: '#b71c1c',
  satisfactionRate: '#1d4d27',
  text: '#1f1f1f',
  muted: '#555555',
  grid: '#eee6dc',
} as const;

/** The app's own typeface (src/app.css), so that a chart's text matches the page around it. */
export const FONT_FAMILY = "-apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

/** Chart text in CSS pixels: the page's body text is 17px, 21px in 大字模式; a chart stays close to it. */
export function chartFonts(large: boolean) {
  return large ? { axis: 19, label: 18, legend: 19 } : { axis: 16, label: 15, legend: 16 };
}

/** The height the legend takes above a chart's grid. */
export const legendHeight = (large: boolean) => chartFonts(large).legend + 22;

/** A chart's key, at the top left in the chart's text size. */
export function legend(names: string[], large: boolean): LegendComponentOption {
  const size = chartFonts(large).legend;
  return {
    top: 0,
    left: 0,
    data: names,
    // A static key: tapping it would hide a series, which nobody here needs.
    selectedMode: false,
    itemWidth: size,
    itemHeight: size,
    itemGap: size,
    textStyle: { fontSize: size, color: CHART_COLORS.text },
  };
}
