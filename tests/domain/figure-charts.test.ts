import type { BarSeriesOption } from 'echarts/charts';
import {
  anyRateShown,
  chartFonts,
  daysOverdue,
  monthlyChart,
  overdueRows,
  RATE_CHART_WIDTH,
  rateBarLabel,
  rateChart,
  textWidth,
  type ChartSpec,
} from '../../src/casework/figures/chart-options';
import { figuresFromCounts, ZERO_COUNTS, type RawCounts } from '../../src/domain/figures';
import type { FigureGroup } from '../../src/domain/report-views';
import type { OpinionSummary } from '../../src/domain/views';

// The dashboard's charts (src/casework/figures/chart-options.ts): what each bar and label says.

const group = (key: string, label: string, counts: Partial<RawCounts>): FigureGroup => ({
  key,
  label,
  ...figuresFromCounts({ ...ZERO_COUNTS, ...counts }),
});

type BarItem = {
  value: number;
  insufficient: boolean;
  itemStyle: { color: string };
  label: { show: boolean; formatter: string; fontSize: number };
};
const seriesOf = (spec: ChartSpec) => spec.option.series as BarSeriesOption[];
const barsOf = (spec: ChartSpec, name: string) => seriesOf(spec).find((s) => s.name === name)!.data as BarItem[];
const rowsOf = (spec: ChartSpec) => (spec.option.yAxis as { data: string[] }).data;

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

describe('the rate charts (办复率 and 满意率 by station or category)', () => {
  const stations = [
    group('qx', '青溪街道人大代表联络站', {
      collected: 30,
      replied: 26,
      ratedSatisfied: 12,
      ratedBasicallySatisfied: 3,
      ratedDissatisfied: 5,
    }),
    group('xz', '西周村人大代表接待点', { collected: 8, replied: 8, ratedSatisfied: 4 }),
    group('wc', '文昌新村人大代表联络站', { collected: 10, replied: 10, ratedSatisfied: 7 }),
  ];
  const spec = rateChart(stations, 'station', false);

  test('a station with fewer than 10 opinions gets no 办复率 bar and is labelled 样本不足 with its count', () => {
    const bar = barsOf(spec, '办复率')[1]!;
    expect(bar).toMatchObject({ value: 0, insufficient: true, itemStyle: { color: 'transparent' } });
    expect(bar.label).toMatchObject({ show: true, formatter: '样本不足 8/8' });
  });

  test('a station with 10 opinions or more gets a bar of its 办复率, labelled with the rate and its count', () => {
    const [qx, , wc] = barsOf(spec, '办复率');
    expect(qx).toMatchObject({ value: 26 / 30, insufficient: false, label: { formatter: '86.7% 26/30' } });
    expect(wc).toMatchObject({ value: 1, insufficient: false, label: { formatter: '100.0% 10/10' } });
  });

  test('满意率 counts the rated opinions: fewer than 10 ratings get no bar even when the 办复率 has one', () => {
    const [qx, xz, wc] = barsOf(spec, '满意率');
    expect(qx).toMatchObject({ value: 0.75, label: { formatter: '75.0% 15/20' } });
    expect(xz).toMatchObject({ insufficient: true, label: { formatter: '样本不足 4/4' } });
    expect(wc).toMatchObject({ insufficient: true, label: { formatter: '样本不足 7/7' } });
  });

  test('no bar stands for a 样本不足 rate: every drawn bar has a real rate behind it', () => {
    for (const name of ['办复率', '满意率']) {
      for (const bar of barsOf(spec, name)) {
        if (bar.insufficient) expect([bar.value, bar.itemStyle.color]).toEqual([0, 'transparent']);
        else expect(bar.label.formatter).toMatch(/^\d+\.\d% \d+\/\d+$/);
      }
    }
  });

  test('is drawn only when some rate is real: with every rate 样本不足 there is nothing to draw', () => {
    expect(anyRateShown(stations)).toBe(true);
    expect(anyRateShown([stations[1]!])).toBe(false);
    expect(anyRateShown([])).toBe(false);
  });

  test('rows are the stations in the order given, without the 人大代表联络站 / 接待点 ending', () => {
    expect(rowsOf(spec)).toEqual(['青溪街道', '西周村', '文昌新村']);
  });

  test('a category keeps its own label', () => {
    const categories = [group('transport', '交通出行', { collected: 12, replied: 12 })];
    expect(rowsOf(rateChart(categories, 'category', false))).toEqual(['交通出行']);
  });

  test('leaves room after a 100% bar for the longest label, so that no label runs off the chart', () => {
    for (const large of [false, true]) {
      const wide = rateChart([group('a', '甲', { collected: 378, replied: 378 })], 'station', large);
      const max = (wide.option.xAxis as { max: number }).max;
      const plot = RATE_CHART_WIDTH - 8;
      const label = textWidth(
        rateBarLabel(figuresFromCounts({ ...ZERO_COUNTS, collected: 378, replied: 378 }).replyRate),
        chartFonts(large).label,
      );
      expect(plot - plot / max).toBeGreaterThanOrEqual(label);
    }
  });

  test('is summed up in words: the highest and lowest rate with their counts, and who has too few', () => {
    expect(spec.summary).toBe(
      '办复率：最高文昌新村100.0%（10/10），最低青溪街道86.7%（26/30）；样本不足（不足10件）：西周村。' +
        '满意率：青溪街道75.0%（15/20）；样本不足（不足10件）：西周村、文昌新村。',
    );
  });
});

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

describe('the overdue list', () => {
  const summary = (id: string, replyDueDate: string | undefined): OpinionSummary => ({
    id,
    shortId: id.toUpperCase(),
    stationName: '青溪街道人大代表联络站',
    category: 'transport',
    categoryLabel: '交通出行',
    excerpt: '路口信号灯配时太短',
    status: 'assigned',
    statusLabel: '办理中',
    createdAt: 0,
    ...(replyDueDate ? { replyDueDate } : {}),
    overdue: true,
    assignedDeputyName: '陈建国',
    staffReview: false,
  });

  test('counts the days past the due date: 1 on the day after it', () => {
    expect(daysOverdue('2026-11-26', '2026-11-27')).toBe(1);
    expect(daysOverdue('2026-11-27', '2026-11-27')).toBe(0);
    expect(daysOverdue('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysOverdue('2025-12-30', '2026-01-02')).toBe(3);
  });

  test('lists the longest overdue first, with station, deputy and days; what is not yet past due is left out', () => {
    const rows = overdueRows(
      [summary('a1', '2026-11-20'), summary('b2', '2026-11-27'), summary('c3', '2026-11-03'), summary('d4', undefined)],
      '2026-11-27',
    );
    expect(rows.map((r) => [r.shortId, r.days, r.stationName, r.deputyName, r.dueDate])).toEqual([
      ['C3', 24, '青溪街道人大代表联络站', '陈建国', '2026-11-03'],
      ['A1', 7, '青溪街道人大代表联络站', '陈建国', '2026-11-20'],
    ]);
  });
});
