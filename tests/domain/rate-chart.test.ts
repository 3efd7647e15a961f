import { chartFonts } from '../../src/casework/dashboard/chart-style';
import { anyRateShown, RATE_CHART_WIDTH, rateChart } from '../../src/casework/dashboard/rate-chart';
import { rateBarLabel, textWidth } from '../../src/casework/dashboard/rate-labels';
import { figuresFromCounts, ZERO_COUNTS } from '../../src/domain/figures';
import { barsOf, group, rowsOf } from './figure-chart-fixtures';

// 办复率 and 满意率 by station or category (src/casework/dashboard/rate-chart.ts): what each bar and label says.

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
