import {
  layoutBarChart,
  niceStep,
  valueScale,
  type RectShape,
  type TextShape,
} from '../../src/casework/dashboard/bar-chart-layout';
import { CHART_COLORS } from '../../src/casework/dashboard/chart-style';
import { monthlyChart } from '../../src/casework/dashboard/monthly-chart';
import { rateChart } from '../../src/casework/dashboard/rate-chart';
import { group } from './figure-chart-fixtures';

// Where the dashboard's bar charts put their bars, lines and texts (src/casework/dashboard/bar-chart-layout.ts),
// which the SVG (H5) and the 2d canvas (weapp) both paint.

const WIDTH = 320;
/** Every character 10px wide: widths a test can reckon with. */
const tenEach = (text: string) => [...text].length * 10;

const months = [
  group('2026-01', '2026年1月', { collected: 190, replied: 139, resolved: 95 }),
  group('2026-02', '2026年2月', { collected: 0 }),
  group('2026-03', '2026年3月', { collected: 41, replied: 35, resolved: 20 }),
];

function laidOut(spec: ReturnType<typeof monthlyChart>) {
  const shapes = layoutBarChart(spec.option, WIDTH, spec.height, tenEach);
  const texts = shapes.filter((s): s is TextShape => s.kind === 'text');
  const rects = shapes.filter((s): s is RectShape => s.kind === 'rect');
  const legendBottom = spec.option.grid.top;
  return {
    shapes,
    texts,
    keys: rects.filter((r) => r.y < legendBottom),
    bars: rects.filter((r) => r.y >= legendBottom),
  };
}

describe('a bar chart laid out for painting', () => {
  test('the value axis ends on a round step past the largest value: 190 on a scale of 0 to 210 in steps of 30', () => {
    expect(valueScale(monthlyChart(months, false).option)).toEqual({ min: 0, max: 210, step: 30 });
    expect([niceStep(38), niceStep(0.44), niceStep(7), niceStep(1.2)]).toEqual([30, 0.5, 10, 1]);
    // Nothing counted yet: one step of one item, never a scale of nothing.
    expect(valueScale(monthlyChart([group('2026-01', '2026年1月', {})], false).option)).toEqual({
      min: 0,
      max: 1,
      step: 1,
    });
  });

  test('every bar starts at the axis and is as long as its value on that scale, a month’s three bars in series order', () => {
    const { bars } = laidOut(monthlyChart(months, false));
    const start = bars[0]!.x;
    expect(bars.every((b) => b.x === start)).toBe(true);
    const perItem = bars[0]!.width / 190;
    const lengths = bars.map((b) => Math.round(b.width / perItem));
    // Series by series: 征集 of each month, then 答复, then 办结; a month of 0 has a bar of no length.
    expect(lengths).toEqual([190, 0, 41, 139, 0, 35, 95, 0, 20]);
    expect(bars.slice(0, 3).map((b) => b.color)).toEqual(Array(3).fill(CHART_COLORS.collected));
    // The plot ends at the top of the scale: 210 reaches the chart's right margin.
    expect(start + perItem * 210).toBeCloseTo(WIDTH - monthlyChart(months, false).option.grid.right);
    // Within a month the bars touch, 征集 on top.
    const [collected, replied] = [bars[0]!, bars[3]!];
    expect(replied.y).toBeCloseTo(collected.y + collected.height);
  });

  test('the months are named in order beside the axis, right-aligned before the widest name', () => {
    const spec = monthlyChart(months, false);
    const { texts, bars } = laidOut(spec);
    const names = texts.filter((t) => /月$/.test(t.text));
    expect(names.map((t) => t.text)).toEqual(['1月', '2月', '3月']);
    expect(names.every((t) => t.align === 'right' && t.x < bars[0]!.x)).toBe(true);
    expect(bars[0]!.x - spec.option.grid.left).toBeCloseTo(tenEach('1月') + spec.option.yAxis.axisLabel.margin);
    expect(names[1]!.y).toBeGreaterThan(names[0]!.y);
  });

  test('each label follows the end of its bar, and all are painted over the bars', () => {
    const { shapes, bars } = laidOut(monthlyChart(months, false));
    const labels = shapes.filter((s): s is TextShape => s.kind === 'text' && /^\d+$/.test(s.text));
    expect(labels.map((l) => l.text)).toEqual(['190', '0', '41', '139', '0', '35', '95', '0', '20']);
    labels.forEach((label, i) => {
      expect(label.x).toBeCloseTo(bars[i]!.x + bars[i]!.width + 4);
      expect(label.y).toBeCloseTo(bars[i]!.y + bars[i]!.height / 2);
    });
    const lastBar = shapes.lastIndexOf(bars[bars.length - 1]!);
    expect(shapes.indexOf(labels[0]!)).toBeGreaterThan(lastBar);
  });

  test('a 样本不足 rate has no bar at all, only its grey label where the bar would start', () => {
    const spec = rateChart(
      [
        group('qx', '青溪街道人大代表联络站', { collected: 30, replied: 26 }),
        group('xz', '西周村人大代表接待点', { collected: 8, replied: 8 }),
      ],
      'station',
      false,
    );
    const { texts, bars } = laidOut(spec);
    // 办复率 of 青溪 only: 西周村's 8 opinions and both 满意率 (no ratings) are 样本不足.
    expect(bars).toHaveLength(1);
    const thin = texts.find((t) => t.text === '样本不足 8/8')!;
    expect(thin).toMatchObject({ x: bars[0]!.x, color: CHART_COLORS.muted, bold: false });
    expect(texts.find((t) => t.text === '86.7% 26/30')).toMatchObject({ bold: true, color: CHART_COLORS.text });
  });

  test('a rate chart names each row above its bars, from the left of the plot', () => {
    const spec = rateChart([group('qx', '青溪街道人大代表联络站', { collected: 30, replied: 26 })], 'station', false);
    const { texts, bars } = laidOut(spec);
    const name = texts.find((t) => t.text === '青溪街道')!;
    expect(name.align).toBe('left');
    expect(name.y + name.fontSize / 2).toBeLessThanOrEqual(bars[0]!.y);
  });

  test('the legend is a square in each series’ colour beside its name', () => {
    const { keys, texts } = laidOut(monthlyChart(months, false));
    expect(keys.map((k) => k.color)).toEqual([CHART_COLORS.collected, CHART_COLORS.replied, CHART_COLORS.resolved]);
    for (const [i, name] of ['征集', '答复', '办结'].entries()) {
      const text = texts.find((t) => t.text === name)!;
      expect(text.x).toBeGreaterThan(keys[i]!.x + keys[i]!.width);
      expect(text.y).toBeCloseTo(keys[i]!.y + keys[i]!.height / 2);
    }
  });
});
