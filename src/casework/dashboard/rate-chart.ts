import type { Rate } from '../../domain/figures';
import type { FigureGroup } from '../../domain/report-views';
import {
  CHART_COLORS,
  type BarItemOption,
  type BarSeriesOption,
  chartFonts,
  FONT_FAMILY,
  legend,
  legendHeight,
  type ChartOption,
  type ChartSpec,
} from './chart-style';
import { rateBarLabel, rateText, shortStationName, textWidth } from './rate-labels';

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
export function rateBar(rate: Rate, color: string, large: boolean): BarItemOption {
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

/** What the bars are: stations (their names shortened), 人大小组 or categories (as named). */
export type RateGrouping = 'station' | 'group' | 'category';

/**
 * 办复率 and 满意率 per station, 人大小组 or category. Each row is the name on a line of its own, then
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
    itemStyle: { color, borderRadius: [0, 3, 3, 0] },
  });
  const option: ChartOption = {
    textStyle: { fontFamily: FONT_FAMILY },
    color: [CHART_COLORS.replyRate, CHART_COLORS.satisfactionRate],
    legend: legend(['办复率', '满意率'], large),
    grid: { left: 0, right: 8, top: legendHeight(large), bottom: 0 },
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
    height: legendHeight(large) + row * Math.max(groups.length, 1),
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
