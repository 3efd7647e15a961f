import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { daysBetween, type LocalDate } from '../../domain/dates';
import { monthLabel, type Rate } from '../../domain/figures';
import type { FigureGroup } from '../../domain/report-views';
import type { OpinionSummary } from '../../domain/views';

/*
 * The dashboard's charts as ECharts options, built from what `reports.stats` returns. Pure: no
 * Taro, no DOM, no clock; the platform components (Chart.h5.tsx, Chart.weapp.tsx) only draw them.
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
const FONT_FAMILY = "-apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

/** Chart text in CSS pixels: the page's body text is 17px, 21px in 大字模式; a chart stays close to it. */
export function chartFonts(large: boolean) {
  return large ? { axis: 19, label: 18, legend: 19 } : { axis: 16, label: 15, legend: 16 };
}

const LEGEND_HEIGHT = (large: boolean) => chartFonts(large).legend + 22;

function legend(names: string[], large: boolean): LegendComponentOption {
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
    barCategoryGap: 0,
    itemStyle: { color, borderRadius: [0, 3, 3, 0] },
    label: { show: true, position: 'right', fontSize: fonts.label, color: CHART_COLORS.text, distance: 4 },
    silent: true,
  });
  const option: ChartOption = {
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY },
    color: [CHART_COLORS.collected, CHART_COLORS.replied, CHART_COLORS.resolved],
    legend: legend(['征集', '答复', '办结'], large),
    grid: { left: 4, right: fonts.label * 3, top: LEGEND_HEIGHT(large), bottom: 4, containLabel: true },
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
      axisTick: { show: false },
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
    height: LEGEND_HEIGHT(large) + row * Math.max(groups.length, 1) + 8,
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

/** '青溪街道' for '青溪街道人大代表联络站': the chart's row names; the cards below keep the full names. */
export function shortStationName(name: string): string {
  return name.replace(/人大代表(联络站|接待点)$/, '') || name;
}

/** '86.7%（26/30）', or '样本不足（3/5）': a rate never appears without its count. */
export function rateText(rate: Rate): string {
  return `${rate.label}（${rate.numerator}/${rate.denominator}）`;
}

/** The same, as a bar's label: '86.7% 26/30', or '样本不足 3/5' — narrower, for a phone's width. */
export function rateBarLabel(rate: Rate): string {
  return `${rate.label} ${rate.numerator}/${rate.denominator}`;
}

/** About how wide a label is drawn: Chinese characters a full em, digits and Latin a little over half. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += ch.charCodeAt(0) < 0x100 ? (ch === '%' ? 0.85 : 0.56) : 1;
  return ems * fontSize;
}

/**
 * The width the rate charts are laid out for: a 375-pixel phone less the page's and the card's
 * padding, rounded down a little. A wider screen only leaves more room beside the labels.
 */
export const RATE_CHART_WIDTH = 300;

/**
 * A rate's bar. A rate over fewer than 10 items (`value` null, 样本不足) gets no bar: its item has
 * length 0 and no fill, and only a grey label "样本不足 3/5" where the bar would start. We omit the
 * bar rather than draw it grey because any bar length — even a grey one — is read as a value and
 * compared with its neighbours; the label alone says there is nothing to compare yet.
 */
export function rateBar(rate: Rate, color: string, large: boolean) {
  const fontSize = chartFonts(large).label;
  const label = { show: true, position: 'right' as const, distance: 6, formatter: rateBarLabel(rate), fontSize };
  if (rate.value === null) {
    return {
      value: 0,
      insufficient: true,
      itemStyle: { color: 'transparent' },
      label: { ...label, distance: 0, color: CHART_COLORS.muted },
    };
  }
  return {
    value: rate.value,
    insufficient: false,
    itemStyle: { color },
    label: { ...label, color: CHART_COLORS.text, fontWeight: 'bold' as const },
  };
}

export type RateGrouping = 'station' | 'category';

/**
 * 办复率 and 满意率 per station or per category. Each row is the name on a line of its own, then
 * two bars, each followed by its rate and count: names above rather than beside the bars leave the
 * bars the phone's whole width. The axis runs past 100% (`xAxis.max`) by as much as the longest
 * label needs, so that every label sits after its bar, in the same place and colour, and a 100%
 * bar never pushes its label off the chart.
 */
export function rateChart(groups: readonly FigureGroup[], grouping: RateGrouping, large: boolean): ChartSpec {
  const fonts = chartFonts(large);
  const names = groups.map((g) => (grouping === 'station' ? shortStationName(g.label) : g.label));
  const bar = fonts.label + 1;
  const gap = 4;
  const pair = bar * 2 + gap;
  const nameLine = fonts.axis + 8;
  // The bars sit in the middle of their row: the name above them, as much space below.
  const row = pair + nameLine * 2;
  const longest = Math.max(
    0,
    ...groups.flatMap((g) =>
      [g.replyRate, g.satisfactionRate].map((r) => textWidth(rateBarLabel(r), fonts.label) * 1.05 + 8),
    ),
  );
  const room = Math.min(0.6, longest / (RATE_CHART_WIDTH - 8));
  const max = Math.round((1 / (1 - room)) * 100) / 100;
  const series = (name: string, color: string, pick: (g: FigureGroup) => Rate): BarSeriesOption => ({
    type: 'bar',
    name,
    data: groups.map((g) => rateBar(pick(g), color, large)),
    barWidth: bar,
    barGap: `${Math.round((gap / bar) * 100)}%`,
    barCategoryGap: 0,
    itemStyle: { color, borderRadius: [0, 3, 3, 0] },
    silent: true,
  });
  const option: ChartOption = {
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY },
    color: [CHART_COLORS.replyRate, CHART_COLORS.satisfactionRate],
    legend: legend(['办复率', '满意率'], large),
    grid: { left: 0, right: 8, top: LEGEND_HEIGHT(large), bottom: 0 },
    xAxis: {
      type: 'value',
      min: 0,
      max,
      interval: 0.25,
      axisLabel: { show: false },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'category',
      data: names,
      inverse: true,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: CHART_COLORS.grid } },
      axisLabel: {
        inside: true,
        align: 'left',
        verticalAlign: 'bottom',
        // From the middle of the row up past the two bars: the name heads its row.
        padding: [0, 0, pair / 2 + 4, 0],
        margin: 2,
        fontSize: fonts.axis,
        fontWeight: 'bold',
        color: CHART_COLORS.text,
      },
    },
    series: [
      series('办复率', CHART_COLORS.replyRate, (g) => g.replyRate),
      series('满意率', CHART_COLORS.satisfactionRate, (g) => g.satisfactionRate),
    ],
  };
  return {
    option,
    height: LEGEND_HEIGHT(large) + row * Math.max(groups.length, 1),
    summary: [
      rateSummary('办复率', groups, names, (g) => g.replyRate),
      rateSummary('满意率', groups, names, (g) => g.satisfactionRate),
    ].join(''),
  };
}

/** Whether a rate chart would draw any bar at all: when every rate is 样本不足 the page shows words instead. */
export function anyRateShown(groups: readonly FigureGroup[]): boolean {
  return groups.some((g) => g.replyRate.value !== null || g.satisfactionRate.value !== null);
}

function rateSummary(
  title: string,
  groups: readonly FigureGroup[],
  names: string[],
  pick: (g: FigureGroup) => Rate,
): string {
  const shown = groups.map((g, i) => ({ name: names[i]!, rate: pick(g) })).filter((x) => x.rate.value !== null);
  const thin = groups.map((g, i) => ({ name: names[i]!, rate: pick(g) })).filter((x) => x.rate.value === null);
  const parts: string[] = [];
  if (shown.length > 0) {
    const sorted = [...shown].sort((a, b) => b.rate.value! - a.rate.value!);
    const high = sorted[0]!;
    const low = sorted[sorted.length - 1]!;
    parts.push(
      shown.length === 1
        ? `${high.name}${rateText(high.rate)}`
        : `最高${high.name}${rateText(high.rate)}，最低${low.name}${rateText(low.rate)}`,
    );
  }
  if (thin.length > 0) parts.push(`样本不足（不足10件）：${thin.map((x) => x.name).join('、')}`);
  return `${title}${parts.length > 0 ? `：${parts.join('；')}` : '：无'}。`;
}

/** Whole days from a reply's due date to today: 1 the day after it was due. */
export function daysOverdue(dueDate: LocalDate, today: LocalDate): number {
  return daysBetween(dueDate, today);
}

export interface OverdueRow {
  id: string;
  shortId: string;
  excerpt: string;
  stationName: string;
  deputyName: string;
  dueDate: LocalDate;
  days: number;
}

/** The overdue list: the longest overdue first; an opinion not yet past its due date is left out. */
export function overdueRows(items: readonly OpinionSummary[], today: LocalDate): OverdueRow[] {
  return items
    .filter((o) => o.replyDueDate !== undefined && daysOverdue(o.replyDueDate, today) > 0)
    .map((o) => ({
      id: o.id,
      shortId: o.shortId,
      excerpt: o.excerpt,
      stationName: o.stationName,
      deputyName: o.assignedDeputyName ?? '未分派',
      dueDate: o.replyDueDate!,
      days: daysOverdue(o.replyDueDate!, today),
    }))
    .sort((a, b) => b.days - a.days || a.shortId.localeCompare(b.shortId));
}
