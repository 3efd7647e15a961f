import { DEMO_DEPUTIES, DEMO_STATIONS } from '../../server/local/demo-street';
import { CATEGORY_IDS, CATEGORY_LABELS } from '../../src/domain/categories';
import type { Opinion } from '../../src/domain/opinion';
import { expectedFigures, recount, type RecountQuery, shanghaiDay } from '../support/figure-recount';
import { startLocalApi } from '../support/local-api';
import { ADMIN, call, DEPUTY, type LocalApi, ok, REPLY, STAFF, TRAFFIC, VOTER } from '../support/opinion-calls';

// A winter of activity at three stations, made through the real actions with a moving clock,
// then reports.stats against a full recount of the stored opinions (tests/support/figure-recount.ts).

const DAY = 24 * 60 * 60 * 1000;
/** 10:00 in Shanghai on a date. */
const morning = (date: string) => Date.parse(`${date}T02:00:00Z`);

let now = morning('2025-10-20');
let api: LocalApi;

const STATIONS = ['qx-jiedao', 'qx-wenchang', 'qx-laixun'] as const;
const staffOf: Record<string, string> = {
  'qx-jiedao': STAFF,
  'qx-wenchang': 'staff-wenchang',
  'qx-laixun': 'staff-laixun',
};
const deputyOpenid: Record<string, string> = { d01: DEPUTY };

type Fate =
  | 'open'
  | 'transferred'
  | 'replied'
  | 'late'
  | 'resolved'
  | 'satisfied'
  | 'basic'
  | 'reopened'
  | 'review'
  | 'withdrawn'
  | 'rejected'
  | 'held'
  | 'walkIn';

const FATES: Fate[] = [
  'satisfied',
  'basic',
  'reopened',
  'replied',
  'late',
  'resolved',
  'open',
  'transferred',
  'withdrawn',
  'rejected',
  'held',
  'review',
  'satisfied',
  'walkIn',
  'satisfied',
  'basic',
  'satisfied',
];

interface Spec {
  at: number;
  station: string;
  category: string;
  fate: Fate;
  voter: string;
}

/** Five months of opinions, twelve a month, plus three around the turns of the periods. */
function specs(): Spec[] {
  const out: Spec[] = [];
  const months = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];
  months.forEach((month, m) => {
    for (let j = 0; j < 12; j += 1) {
      out.push({
        at: morning(`${month}-${String(3 + j).padStart(2, '0')}`) + j * 60_000,
        station: STATIONS[(m + j) % STATIONS.length]!,
        category: CATEGORY_IDS[(m * 5 + j) % CATEGORY_IDS.length]!,
        fate: FATES[(m * 7 + j) % FATES.length]!,
        voter: `voter-${month}-${j}`,
      });
    }
  });
  const edge = (iso: string, fate: Fate, voter: string) =>
    out.push({ at: Date.parse(iso), station: 'qx-jiedao', category: 'transport', fate, voter });
  edge('2025-10-31T15:50:00Z', 'satisfied', 'voter-before'); // 31 October 23:50 in Shanghai
  edge('2025-12-31T15:30:00Z', 'replied', 'voter-old-year'); // 31 December 23:30
  edge('2025-12-31T16:10:00Z', 'open', 'voter-new-year'); // 1 January 00:10
  return out;
}

interface Step {
  at: number;
  run: () => Promise<unknown>;
}

/** The actions that bring one opinion to its fate, each at its time. */
function stepsFor(spec: Spec): Step[] {
  let id = '';
  let deputy = '';
  const staff = staffOf[spec.station]!;
  const after = (days: number, run: () => Promise<unknown>): Step => ({ at: spec.at + days * DAY, run });
  const reply = () => ok(api, deputyOpenid[deputy]!, 'casework', 'reply', { opinionId: id, content: REPLY });
  const resolve = () => ok(api, staff, 'casework', 'resolve', { opinionId: id, note: '现场回访确认已办结' });
  const rate = (satisfaction: string) => () => ok(api, spec.voter, 'opinions', 'rate', { opinionId: id, satisfaction });
  const fields = {
    stationId: spec.station,
    category: spec.category,
    content: spec.fate === 'held' ? '楼上邻居天天半夜装修，吵得人想去死，物业也不管。' : TRAFFIC,
    requestId: `stats-${spec.voter}`,
  };
  const submit: Step = {
    at: spec.at,
    run: async () => {
      const data =
        spec.fate === 'walkIn'
          ? await ok(api, staff, 'casework', 'intake', fields)
          : await ok(api, spec.voter, 'opinions', 'submit', fields);
      id = data.opinionId;
      deputy = data.assignedDeputyId ?? '';
    },
  };
  const handled = [after(3, reply), after(5, resolve)];
  switch (spec.fate) {
    case 'transferred':
      return [
        submit,
        after(2, () =>
          ok(api, deputyOpenid[deputy]!, 'casework', 'transfer', {
            opinionId: id,
            unit: '县交通运输局',
            expectedDate: shanghaiDay(now + 30 * DAY),
          }),
        ),
      ];
    case 'replied':
    case 'walkIn':
      return [submit, after(3, reply)];
    case 'late':
      return [submit, after(21, reply)];
    case 'resolved':
      return [submit, ...handled];
    case 'satisfied':
      return [submit, ...handled, after(6, rate('satisfied'))];
    case 'basic':
      return [submit, ...handled, after(6, rate('basically_satisfied'))];
    case 'reopened':
      return [submit, ...handled, after(6, rate('dissatisfied'))];
    case 'review':
      return [
        submit,
        ...handled,
        after(6, rate('dissatisfied')),
        after(8, reply),
        after(9, resolve),
        after(10, rate('dissatisfied')),
      ];
    case 'withdrawn':
      return [submit, after(1, () => ok(api, spec.voter, 'opinions', 'withdraw', { opinionId: id }))];
    case 'rejected':
      return [
        submit,
        after(1, () =>
          ok(api, staff, 'casework', 'reject', { opinionId: id, kind: 'out_of_remit', reason: '属于省级部门职责' }),
        ),
      ];
    default:
      return [submit];
  }
}

const pending: Step[] = specs()
  .flatMap(stepsFor)
  .sort((a, b) => a.at - b.at);

/** Run every step up to `until`, each at its own time, and leave the clock at `until`. */
async function liveUntil(until: number) {
  while (pending.length > 0 && pending[0]!.at <= until) {
    const step = pending.shift()!;
    now = step.at;
    await step.run();
  }
  now = until;
}

/** Every stored opinion, page by page. */
async function allOpinions(): Promise<Opinion[]> {
  const out: Opinion[] = [];
  let cursor: string | null = null;
  do {
    const page = await api.store.listOpinions({ limit: 50, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

const stats = async (openid: string | undefined, fields: Record<string, unknown>) =>
  call(api, openid, 'reports', 'stats', fields);

const statsData = async (openid: string, fields: Record<string, unknown>) => {
  const { body } = await stats(openid, fields);
  if (!body.ok) throw new Error(`reports.stats failed: ${JSON.stringify(body.error)}`);
  return body.data as Record<string, any>;
};

const today = () => shanghaiDay(now);
const WINTER = { from: '2025-11-01', to: '2026-03-31' };

beforeAll(async () => {
  api = await startLocalApi({ now: () => now });
  await ok(api, staffOf['qx-wenchang']!, 'account', 'redeemInvite', { code: 'GZQX6789' });
  const laixun = await ok(api, ADMIN, 'casework', 'issueInvite', { role: 'staff', stationId: 'qx-laixun' });
  await ok(api, staffOf['qx-laixun']!, 'account', 'redeemInvite', { code: laixun.code });
  for (const deputy of DEMO_DEPUTIES.filter((d) => d.id !== 'd01' && STATIONS.includes(d.stationId as never))) {
    const invite = await ok(api, ADMIN, 'casework', 'issueInvite', { role: 'deputy', deputyId: deputy.id });
    deputyOpenid[deputy.id] = `deputy-${deputy.id}`;
    await ok(api, deputyOpenid[deputy.id]!, 'account', 'redeemInvite', { code: invite.code });
  }
});
afterAll(() => api.stop());

describe('mid-winter: the figures so far agree with a recount', () => {
  beforeAll(() => liveUntil(morning('2026-01-20')));

  test('for the winter up to today, and for December alone', async () => {
    const opinions = await allOpinions();
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
    await liveUntil(morning('2026-04-15'));
    opinions = await allOpinions();
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
    const saved = now;
    const counted: number[] = [];
    for (const day of [open.replyDueDate!, shanghaiDay(morning(open.replyDueDate!) + DAY)]) {
      now = morning(day);
      const data = await statsData(ADMIN, WINTER);
      expect(data.overdue).toBe(recount(opinions, q({ today: day })).overdue);
      counted.push(data.overdue);
    }
    now = saved;
    expect(counted[1]).toBeGreaterThan(counted[0]!);
  });

  test('counting reads no opinion list', async () => {
    const list = jest.spyOn(api.store, 'listOpinions');
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

  describe('who sees what', () => {
    test('staff see their own station, by default and when they name it', async () => {
      const mine = recount(opinions, q({ stationId: 'qx-jiedao' }));
      for (const fields of [WINTER, { ...WINTER, stationId: 'qx-jiedao' }]) {
        const data = await statsData(STAFF, fields);
        expect(data).toMatchObject({ scope: { stationId: 'qx-jiedao' }, ...expectedFigures(mine) });
      }
      const grouped = await statsData(STAFF, { ...WINTER, groupBy: 'station' });
      expect(grouped.groups.map((g: { key: string }) => g.key)).toEqual(['qx-jiedao']);
      const byDeputy = await statsData(STAFF, { ...WINTER, groupBy: 'deputy' });
      expect(byDeputy.groups.map((g: { key: string }) => g.key).filter(Boolean)).toEqual(['d01', 'd02', 'd03']);
    });

    test("another station's figures are FORBIDDEN to staff", async () => {
      const { status, body } = await stats(STAFF, { ...WINTER, stationId: 'qx-wenchang' });
      expect(status).toBe(403);
      expect(body.error).toEqual({ code: 'FORBIDDEN', message: '只能查看本联络站的统计' });
    });

    test('a deputy sees the opinions assigned to them, and nobody else’s', async () => {
      const data = await statsData(DEPUTY, WINTER);
      expect(data).toMatchObject({
        scope: { deputyId: 'd01' },
        ...expectedFigures(recount(opinions, q({ deputyId: 'd01' }))),
      });
      const { status, body } = await stats(DEPUTY, { ...WINTER, deputyId: 'd02' });
      expect([status, body.error.code]).toEqual([403, 'FORBIDDEN']);
    });

    test('voters are FORBIDDEN, and a caller without an identity UNAUTHENTICATED', async () => {
      const voter = await stats(VOTER, WINTER);
      expect([voter.status, voter.body.error.code]).toEqual([403, 'FORBIDDEN']);
      const nobody = await stats(undefined, WINTER);
      expect([nobody.status, nobody.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    });
  });

  test.each`
    fields                                      | message
    ${{}}                                       | ${'请提供开始日期'}
    ${{ from: '2026-02-30', to: '2026-03-31' }} | ${'开始日期须为 YYYY-MM-DD 格式的真实日期'}
    ${{ from: '2026-03-31', to: '2026-01-01' }} | ${'开始日期不能晚于结束日期'}
    ${{ from: '2020-01-01', to: '2026-01-01' }} | ${'统计期间最长3年'}
    ${{ ...WINTER, groupBy: 'district' }}       | ${'分组方式须为联络站、代表、类别或月份'}
    ${{ ...WINTER, category: 'weather' }}       | ${'请选择意见类别'}
  `('bad input $fields is INVALID_INPUT: $message', async ({ fields, message }) => {
    const { status, body } = await stats(ADMIN, fields);
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: 'INVALID_INPUT', message });
  });
});
