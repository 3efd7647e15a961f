/*
 * What the dashboard's charts share: the chart option, what a platform chart component draws
 * (FigureChart.h5.tsx as SVG, FigureChart.weapp.tsx on a 2d canvas, both from the shapes
 * bar-chart-layout.ts places), the app's colours, typeface and text sizes, and the legend. The
 * charts themselves are monthly-chart.ts and rate-chart.ts: pure, no Taro, no DOM, no clock.
 *
 * Every bar carries its number as a label (counts on the monthly chart, "86.7%（26/30）" on the
 * rate charts), so nothing is hidden behind a tooltip that an older reader would have to find.
 *
 * The option is written in ECharts' words (the part of a horizontal bar chart's option these
 * charts use), so that it reads like the charts people know; what draws it is the few hundred
 * lines of bar-chart-layout.ts, not ECharts: ECharts, even built from echarts/core with only the
 * bar chart, was about 490 KB of the staff subpackage's 640 KB. Static: no animation, no tooltip, no touch.
 */

/** A bar's label, written after its end ('right'). */
export interface BarLabelOption {
  show: boolean;
  position: 'right';
  fontSize: number;
  /** The gap between the bar's end and its label. */
  distance: number;
  /** The text; the bar's value when absent. */
  formatter?: string;
  color?: string;
  fontWeight?: 'bold';
}

/** One bar: its value, and, where it differs from its series, its colour ('transparent': none) and label. */
export interface BarItemOption {
  value: number;
  /** 样本不足: the rate has too few items to be drawn as a bar. */
  insufficient?: boolean;
  itemStyle?: { color: string };
  label?: BarLabelOption;
}

/** A series: one bar per row, in its colour, each `barWidth` thick; a row's bars are the series' bars side by side. */
export interface BarSeriesOption {
  type: 'bar';
  name: string;
  data: Array<number | BarItemOption>;
  barWidth: number;
  /** As a percentage of a bar's thickness: '0%' for bars that touch. */
  barGap: string;
  /** Corner radii of a bar: top left, top right, bottom right, bottom left. */
  itemStyle: { color: string; borderRadius: [number, number, number, number] };
  label?: BarLabelOption;
}

/** The chart's key: a coloured square and the series' name for each series, in one line. */
export interface LegendOption {
  top: number;
  left: number;
  data: string[];
  itemWidth: number;
  itemHeight: number;
  itemGap: number;
  textStyle: { fontSize: number; color: string };
}

/** The rows' names: beside the axis (outside), or inside the plot above each row's bars. */
export interface RowAxisOption {
  type: 'category';
  data: string[];
  /** The first row at the top. */
  inverse: true;
  axisLine: { lineStyle: { color: string } };
  axisLabel: {
    fontSize: number;
    color: string;
    margin: number;
    fontWeight?: 'bold';
    inside?: boolean;
    align?: 'left';
    verticalAlign?: 'bottom';
    /** Top, right, bottom, left: with `verticalAlign: 'bottom'`, how far above the row's middle the name ends. */
    padding?: [number, number, number, number];
  };
}

/** The values' axis: from 0 (or `min`) to `max`, or to a round number past the largest value. */
export interface ValueAxisOption {
  type: 'value';
  min?: number;
  max?: number;
  interval?: number;
  minInterval?: number;
  axisLabel: { show: false };
  /** Vertical lines at each step of the axis. */
  splitLine: { show?: boolean; lineStyle?: { color: string } };
}

export interface ChartOption {
  textStyle: { fontFamily: string };
  /** The series' colours, in order. */
  color: string[];
  legend: LegendOption;
  /** Where the plot sits inside the chart; `containLabel` moves it right of the rows' names. */
  grid: { left: number; right: number; top: number; bottom: number; containLabel?: boolean };
  xAxis: ValueAxisOption;
  yAxis: RowAxisOption;
  series: BarSeriesOption[];
}

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
export function legend(names: string[], large: boolean): LegendOption {
  const size = chartFonts(large).legend;
  return {
    top: 0,
    left: 0,
    data: names,
    itemWidth: size,
    itemHeight: size,
    itemGap: size,
    textStyle: { fontSize: size, color: CHART_COLORS.text },
  };
}
