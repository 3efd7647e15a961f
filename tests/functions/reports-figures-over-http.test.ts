import { DEMO_DEPUTIES, DEMO_STATIONS } from '../../server/local/demo-street';
import { CATEGORY_LABELS } from '../../src/domain/categories';
import type { Opinion } from '../../src/domain/opinion';
import { expectedFigures, recount, type RecountQuery, shanghaiDay } from '../support/figure-recount';
import { ADMIN } from '../support/opinion-calls';
import { DAY, morning, startWinter, statsCalls, type Winter, WINTER } from './winter-of-activity';

// reports.stats against a full recount of the stored opinions (tests/support/figure-recount.ts),
// during and after a winter of activity (winter-of-activity.ts): totals, filters, groups, the
// Shanghai midnight, small samples, overdue by the clock. Who may ask: reports-access-over-http.test.ts.

let w: Winter;
beforeAll(async () => {
  w = await startWinter();
});
afterAll(() => w.api.stop());

const { statsData, today } = statsCalls(() => w);

describe('mid-winter: the figures so far agree with a recount', () => {
  beforeAll(() => w.liveUntil(morning('2026-01-20')));

  test('for the winter up to today, and for December alone', async () => {
    const opinions = await w.allOpinions();
    for (const period of [WINTER, { from: '2025-12-01', to: '2025-12-31' }]) {
      const data = await statsData(ADMIN, period);
      expect(data).toMatchObject({ period, ...expectedFigures(recount(opinions, { ...period, today: today() })) });
    }
  });
});

describe('after the winter', () => {
  let opinions: Opinion[];
  const q = (extra: Partial<RecountQuery> = {}): RecountQuery => ({ ...WINTER, today: today(), ...extra });

  beforeAll(async () => {
    await w.liveUntil(morning('2026-04-15'));
    opinions = await w.allOpinions();
  });

  test('the scenario has every kind of case, so that the figures are tested on something', () => {
    const r = recount(opinions, q());
    expect(r.collected).toBeGreaterThanOrEqual(50);
    expect(r.onTime).toBeLessThan(r.replied); // late replies
    expect(r.resolved).toBeLessThan(r.replied);
    expect(r.rated).toBeGreaterThanOrEqual(10);
    expect(r.dissatisfied).toBeGreaterThan(0);
    expect(r.basicallySatisfied).toBeGreaterThan(0);
    expect(r.overdue).toBeGreaterThan(0);
    expect(opinions.some((o) => o.status === 'withdrawn')).toBe(true);
    expect(opinions.some((o) => o.reopenCount === 1 && o.status !== 'resolved' && o.status !== 'closed')).toBe(true);
    expect(opinions.some((o) => o.staffReview)).toBe(true);
    expect(opinions.some((o) => o.source === 'walk_in')).toBe(true);
  });

  test.each`
    name                          | filters
    ${'everything'}               | ${{}}
    ${'one station'}              | ${{ stationId: 'qx-wenchang' }}
    ${'one deputy'}               | ${{ deputyId: 'd01' }}
    ${'one category'}             | ${{ category: 'transport' }}
    ${'a station and a category'} | ${{ stationId: 'qx-jiedao', category: 'transport' }}
  `('the admin sees $name exactly as a full recount', async ({ filters }) => {
    const data = await statsData(ADMIN, { ...WINTER, ...filters });
    expect(data).toMatchObject({ scope: filters, ...expectedFigures(recount(opinions, q(filters))) });
  });

  test('a period ends at midnight in Shanghai: 23:30 on 31 December is last year, 00:10 on 1 January this year', async () => {
    const december = await statsData(ADMIN, { from: '2025-12-31', to: '2025-12-31' });
    const january = await statsData(ADMIN, { from: '2026-01-01', to: '2026-01-01' });
    expect([december.collected, january.collected]).toEqual([1, 1]);
    expect([december.replied, january.replied]).toEqual([1, 0]);
    expect((await statsData(ADMIN, { from: '2025-10-31', to: '2025-10-31' })).collected).toBe(1);
  });

  test('rates under 10 items are 样本不足 with their counts; the others a percentage with a 95% interval', async () => {
    const data = await statsData(ADMIN, WINTER);
    expect(data.replyRate.label).toMatch(/^\d+\.\d%$/);
    const [low, high] = data.replyRate.interval;
    expect(low).toBeLessThan(data.replyRate.value);
    expect(high).toBeGreaterThan(data.replyRate.value);
    const tiny = await statsData(ADMIN, { from: '2025-12-31', to: '2025-12-31' });
    expect(tiny.replyRate).toMatchObject({ value: null, label: '样本不足', numerator: 1, denominator: 1 });
  });

  test('an open opinion is overdue from the day after its due date: the count follows the clock', async () => {
    const open = opinions.find(
      (o) => (o.status === 'assigned' || o.status === 'transferred') && shanghaiDay(o.createdAt) >= WINTER.from,
    )!;
    const saved = w.clock.now;
    const counted: number[] = [];
    for (const day of [open.replyDueDate!, shanghaiDay(morning(open.replyDueDate!) + DAY)]) {
      w.clock.now = morning(day);
      const data = await statsData(ADMIN, WINTER);
      expect(data.overdue).toBe(recount(opinions, q({ today: day })).overdue);
      counted.push(data.overdue);
    }
    w.clock.now = saved;
    expect(counted[1]).toBeGreaterThan(counted[0]!);
  });

  test('counting reads no opinion list', async () => {
    const list = jest.spyOn(w.api.store, 'listOpinions');
    await statsData(ADMIN, { ...WINTER, groupBy: 'station' });
    expect(list).not.toHaveBeenCalled();
    list.mockRestore();
  });

  const stationName = new Map(DEMO_STATIONS.map((s) => [s.id, s.name]));
  const deputyName = new Map(DEMO_DEPUTIES.map((d) => [d.id, d.name]));
  const lastDay = (m: string) =>
    new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).toISOString().slice(0, 10);

  test.each`
    groupBy       | filterOf                                                | labelOf
    ${'station'}  | ${(k: string) => ({ stationId: k })}                    | ${(k: string) => stationName.get(k)}
    ${'deputy'}   | ${(k: string) => ({ deputyId: k })}                     | ${(k: string) => (k ? deputyName.get(k) : '未分派')}
    ${'category'} | ${(k: string) => ({ category: k })}                     | ${(k: string) => CATEGORY_LABELS[k as keyof typeof CATEGORY_LABELS]}
    ${'month'}    | ${(k: string) => ({ from: `${k}-01`, to: lastDay(k) })} | ${(k: string) => `${Number(k.slice(0, 4))}年${Number(k.slice(5))}月`}
  `(
    'grouped by $groupBy: each group is its recount, labelled, and the groups add up to the total',
    async ({ groupBy, filterOf, labelOf }) => {
      const data = await statsData(ADMIN, { ...WINTER, groupBy });
      expect(data.groupBy).toBe(groupBy);
      for (const group of data.groups) {
        expect(group.label).toBe(labelOf(group.key));
        expect(group).toMatchObject(expectedFigures(recount(opinions, q(filterOf(group.key)))));
      }
      for (const field of [
        'collected',
        'replied',
        'onTime',
        'resolved',
        'rated',
        'satisfied',
        'dissatisfied',
        'overdue',
      ]) {
        expect(data.groups.reduce((sum: number, g: Record<string, number>) => sum + g[field]!, 0)).toBe(data[field]);
      }
    },
  );

  test('every month of the period is listed, and every station, even with nothing collected', async () => {
    const byMonth = await statsData(ADMIN, { from: '2025-10-15', to: '2026-04-30', groupBy: 'month' });
    expect(byMonth.groups.map((g: { key: string }) => g.key)).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
    expect(byMonth.groups[byMonth.groups.length - 1]).toMatchObject({
      label: '2026年4月',
      collected: 0,
      replyRate: { label: '样本不足' },
    });
    const byStation = await statsData(ADMIN, { ...WINTER, groupBy: 'station' });
    expect(byStation.groups.map((g: { key: string }) => g.key)).toEqual(DEMO_STATIONS.map((s) => s.id));
    expect(byStation.groups.find((g: { key: string }) => g.key === 'qx-youche')).toMatchObject({ collected: 0 });
  });
});
