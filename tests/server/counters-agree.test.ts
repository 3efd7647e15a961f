import { createCloudbaseStore } from '../../server/adapters/cloudbase/cloudbase-store';
import { COLLECTION_NAMES } from '../../server/adapters/cloudbase/collections';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import type { FigureGrouping, FigureQuery } from '../../server/ports/figure-query';
import type { Store } from '../../server/ports/store';
import {
  assignOpinion,
  rejectOpinion,
  replyToOpinion,
  resolveOpinion,
  transferOpinion,
} from '../../server/services/casework';
import { submitOpinion } from '../../server/services/submit-opinion';
import { rateOpinion, withdrawOpinion } from '../../server/services/voter-opinions';
import { CATEGORY_IDS } from '../../src/domain/categories';
import { addDays, shanghaiDate } from '../../src/domain/dates';
import { periodInstants } from '../../src/domain/figures';
import type { Opinion, Satisfaction } from '../../src/domain/opinion';
import { aStreet, DAY, deputyOpenid, EAST, PEOPLE, type Street, WEST } from '../support/builders';
import { expectedGroupRows, rawCountsOf, recount, shanghaiDay } from '../support/figure-recount';
import { createMemoryDatabase, memoryCloudbaseApp, type MemoryDatabase } from '../support/memory-cloudbase';
import { seededRandom } from '../support/seeded-random';

// The counters the stores keep (src/domain/figure-counters.ts) against the opinions themselves,
// on both stores: after a random run of the real use cases — submits routed by the open-case
// counters, replies, transfers, reassignments, resolutions, ratings (a 不满意 reopens),
// withdrawals, rejections, with the days moving on — every month's counters equal a recount,
// reports' counts equal a full count of the opinions (tests/support/figure-recount.ts) for
// periods of whole and partial months, and routing's open cases equal the open opinions. Checked
// along the way too: no count lags behind a change.

const TEXT = '东门路口的红绿灯时间太短，老人过马路来不及，希望延长绿灯时间。';
const STAFF_OF: Record<string, string> = { [EAST.id]: PEOPLE.staff, [WEST.id]: PEOPLE.westStaff };
const MONTHS = ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07'];

interface Harness {
  street: Street;
  /** Make March's figure counters and the open cases routing reads wrong, as a fault might. */
  corrupt(): Promise<void>;
}

async function sqliteHarness(): Promise<Harness> {
  const store = createSqliteStore(':memory:');
  const street = await aStreet({ dailySubmitLimit: 1000 }, store);
  return {
    street,
    corrupt: async () => {
      store.db
        .prepare("UPDATE figure_counters SET collected = collected + 3, replied = 0 WHERE month = '2026-03'")
        .run();
      store.db.prepare('UPDATE open_case_counters SET open = open + 2').run();
    },
  };
}

async function cloudbaseHarness(): Promise<Harness> {
  const db: MemoryDatabase = createMemoryDatabase({ collections: COLLECTION_NAMES });
  const street = await aStreet({ dailySubmitLimit: 1000 }, createCloudbaseStore(memoryCloudbaseApp(db)));
  return {
    street,
    corrupt: async () => {
      // On CloudBase the open cases are on the figure counters (`open`).
      const march = db.dump('figure_counters').filter((d) => d.month === '2026-03');
      db.load(
        'figure_counters',
        march.map((d) => ({ ...d, collected: Number(d.collected) + 3, replied: 0, open: Number(d.open ?? 0) + 2 })),
      );
    },
  };
}

async function allOpinions(store: Store): Promise<Opinion[]> {
  return (await store.listOpinions({ limit: 1000 })).items;
}

type Filters = { stationId?: string; deputyId?: string; category?: string };
const PERIODS = [
  { from: '2026-03-01', to: '2026-03-31' },
  { from: '2026-03-01', to: '2026-12-31' },
  { from: '2026-03-10', to: '2026-05-20' },
  { from: '2026-04-15', to: '2026-04-16' },
  { from: '2026-03-31', to: '2026-04-01' },
];
const FILTERS: Filters[] = [{}, { stationId: EAST.id }, { deputyId: 'd-chen' }, { category: 'transport' }];
const GROUPINGS: FigureGrouping[] = ['station', 'deputy', 'category', 'month'];

/** Every month's counters, the open cases and the counts of every period, filter and grouping. */
async function expectCountersToAgree(street: Street) {
  const { store } = street;
  for (const month of MONTHS) {
    expect(await store.recountCounters(month, false)).toMatchObject({ month, differences: [], repaired: false });
  }
  const all = await allOpinions(store);
  for (const station of [EAST.id, WEST.id]) {
    const open = new Map<string, number>();
    for (const o of all) {
      if (o.stationId === station && (o.status === 'assigned' || o.status === 'transferred') && o.assignedDeputyId) {
        open.set(o.assignedDeputyId, (open.get(o.assignedDeputyId) ?? 0) + 1);
      }
    }
    expect(new Map([...(await store.countOpenByDeputy(station))].sort())).toEqual(new Map([...open].sort()));
  }
  const today = shanghaiDate(street.now);
  for (const period of PERIODS) {
    for (const f of FILTERS) {
      const q = { ...period, today, ...f };
      const query = { ...periodInstants(period), today, ...f } as FigureQuery;
      expect([period, f, await store.countFigures(query)]).toEqual([period, f, rawCountsOf(recount(all, q))]);
      for (const groupBy of GROUPINGS) {
        expect([period, f, groupBy, await store.countFiguresBy(query, groupBy)]).toEqual([
          period,
          f,
          groupBy,
          expectedGroupRows(all, q, groupBy),
        ]);
      }
    }
  }
}

/** One random step of the street's life through the use cases; refusals (a wrong state) are part of it. */
async function randomStep(street: Street, rnd: () => number, ids: Map<string, string>, n: number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const as = (openid: string) => street.as(openid);
  const roll = rnd();
  if (roll < 0.08) {
    street.now += Math.floor(1 + rnd() * 9) * DAY;
    return;
  }
  if (roll < 0.35 || ids.size === 0) {
    const voter = `voter-${n % 9}`;
    const { opinionId } = await submitOpinion(
      {
        stationId: pick([EAST.id, EAST.id, WEST.id]),
        category: pick(CATEGORY_IDS),
        content: `${TEXT}（${n}）`,
        requestId: `r-${n}`,
      },
      await as(voter),
    );
    ids.set(opinionId, voter);
    return;
  }
  const id = pick([...ids.keys()]);
  const o = (await street.store.getOpinion(id))!;
  const voter = ids.get(id)!;
  const deputy = o.assignedDeputyId ? deputyOpenid(o.assignedDeputyId) : undefined;
  const staff = STAFF_OF[o.stationId]!;
  const today = shanghaiDate(street.now);
  const r = rnd();
  try {
    if (o.status === 'assigned' || o.status === 'transferred') {
      if (r < 0.4 && deputy) await replyToOpinion({ opinionId: id, content: '已联系有关部门处理。' }, await as(deputy));
      else if (r < 0.55 && deputy && o.status === 'assigned')
        await transferOpinion(
          { opinionId: id, unit: '县交通运输局', expectedDate: addDays(today, 20) },
          await as(deputy),
        );
      else if (r < 0.7) await withdrawOpinion({ opinionId: id }, await as(voter));
      else if (r < 0.9) await assignOpinion({ opinionId: id }, await as(staff));
      else await rejectOpinion({ opinionId: id, kind: 'out_of_remit', reason: '不属于受理范围' }, await as(staff));
    } else if (o.status === 'replied') {
      await resolveOpinion({ opinionId: id, note: '已办结' }, await as(staff));
    } else if (o.status === 'resolved') {
      const satisfaction: Satisfaction = pick(['satisfied', 'basically_satisfied', 'dissatisfied', 'dissatisfied']);
      await rateOpinion({ opinionId: id, satisfaction }, await as(voter));
    }
  } catch (error) {
    if (!(error instanceof Error && 'code' in error)) throw error;
  }
}

describe.each([
  ['SQLite', sqliteHarness],
  ['CloudBase (in-memory stand-in)', cloudbaseHarness],
])('%s: the counters agree with the opinions', (_name, harness) => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.street.store.close());

  test('after a random run of the use cases, and at points along it', async () => {
    const rnd = seededRandom(20260302);
    const ids = new Map<string, string>();
    for (let n = 0; n < 240; n += 1) {
      await randomStep(h.street, rnd, ids, n);
      if (n % 80 === 79) await expectCountersToAgree(h.street);
    }
    const all = await allOpinions(h.street.store);
    // The run went through what the counters must follow.
    const statuses = new Set(all.map((o) => o.status));
    for (const s of ['assigned', 'transferred', 'replied', 'resolved', 'closed', 'withdrawn', 'rejected'])
      expect(statuses).toContain(s);
    expect(all.some((o) => o.reopenCount > 0)).toBe(true);
    expect(new Set(all.map((o) => shanghaiDay(o.createdAt).slice(0, 7))).size).toBeGreaterThan(1);
    await expectCountersToAgree(h.street);
  });

  test('a change is counted at once: stats and routing see a reply, a transfer and a withdrawal', async () => {
    const { street } = h;
    const whole = { ...periodInstants({ from: '2026-03-01', to: '2026-03-31' }), today: '2026-03-02' };
    const { opinionId } = await submitOpinion(
      { stationId: EAST.id, category: 'transport', content: TEXT, requestId: 'r-now' },
      await street.as(PEOPLE.voter),
    );
    const assigned = (await street.store.getOpinion(opinionId))!.assignedDeputyId!;
    expect(await street.store.countOpenByDeputy(EAST.id)).toEqual(new Map([[assigned, 1]]));
    expect(await street.store.countFigures(whole)).toMatchObject({ collected: 1, replied: 0 });

    await replyToOpinion({ opinionId, content: '已联系有关部门处理。' }, await street.as(deputyOpenid(assigned)!));
    expect(await street.store.countFigures(whole)).toMatchObject({ collected: 1, replied: 1, onTime: 1 });
    expect(await street.store.countOpenByDeputy(EAST.id)).toEqual(new Map());

    const second = await submitOpinion(
      { stationId: EAST.id, category: 'housing', content: TEXT, requestId: 'r-now-2' },
      await street.as(PEOPLE.voter),
    );
    await assignOpinion({ opinionId: second.opinionId, deputyId: 'd-zhao' }, await street.as(PEOPLE.staff));
    expect(await street.store.countOpenByDeputy(EAST.id)).toEqual(new Map([['d-zhao', 1]]));
    expect(await street.store.countFiguresBy(whole, 'deputy')).toEqual([
      expect.objectContaining({ key: assigned, counts: expect.objectContaining({ collected: 1 }) }),
      expect.objectContaining({ key: 'd-zhao', counts: expect.objectContaining({ collected: 1 }) }),
    ]);
    await withdrawOpinion({ opinionId: second.opinionId }, await street.as(PEOPLE.voter));
    expect(await street.store.countOpenByDeputy(EAST.id)).toEqual(new Map());
    expect(await street.store.countFigures(whole)).toMatchObject({ collected: 1 });
  });

  test('parallel submits and parallel changes of one opinion are each counted once', async () => {
    const { street } = h;
    // Ten voters at once, all at East in one category: they share counters.
    const submitted = await Promise.all(
      Array.from({ length: 10 }, async (_, i) =>
        submitOpinion(
          { stationId: EAST.id, category: 'transport', content: `${TEXT}（${i}）`, requestId: `par-${i}` },
          await street.as(`voter-par-${i}`),
        ),
      ),
    );
    expect(new Set(submitted.map((s) => s.opinionId)).size).toBe(10);
    await expectCountersToAgree(street);
    // Each opinion changed by several hands at once: each change is decided on the opinion it
    // replaces, so those the change before made impossible are refused — CONFLICT, or NOT_FOUND
    // for a deputy whose opinion a reassignment took away — and must leave no trace in the counters.
    await Promise.all(
      submitted.flatMap(({ opinionId }, i) => {
        const voter = `voter-par-${i}`;
        return [
          street.store.getOpinion(opinionId).then(async (o) => {
            const deputy = deputyOpenid(o!.assignedDeputyId!);
            if (deputy) await replyToOpinion({ opinionId, content: '已联系有关部门处理。' }, await street.as(deputy));
          }),
          street.as(voter).then((ctx) => withdrawOpinion({ opinionId }, ctx)),
          street.as(PEOPLE.staff).then((ctx) => assignOpinion({ opinionId }, ctx)),
        ].map((p) => p.catch((error: { code?: string }) => expect(['CONFLICT', 'NOT_FOUND']).toContain(error.code)));
      }),
    );
    const all = await allOpinions(street.store);
    expect(all.filter((o) => o.version > 1).length).toBeGreaterThan(0);
    await expectCountersToAgree(street);
  });

  test('a recount finds wrong counters and repairs them; stats are right again', async () => {
    const { street } = h;
    const rnd = seededRandom(7);
    const ids = new Map<string, string>();
    for (let n = 0; n < 40; n += 1) await randomStep(street, rnd, ids, n);
    street.now = Math.max(street.now, Date.UTC(2026, 2, 2, 2));
    await h.corrupt();

    const found = await street.store.recountCounters('2026-03', false);
    expect(found.repaired).toBe(false);
    expect(found.differences.some((d) => d.counter === 'figure')).toBe(true);
    const openWrong = (d: (typeof found.differences)[number]) =>
      d.counter === 'open' || (d.stored.open ?? 0) !== (d.recounted.open ?? 0);
    expect(found.differences.some(openWrong)).toBe(true);
    const march = { ...periodInstants({ from: '2026-03-01', to: '2026-03-31' }), today: shanghaiDate(street.now) };
    const truth = rawCountsOf(
      recount(await allOpinions(street.store), { from: '2026-03-01', to: '2026-03-31', today: march.today }),
    );
    expect(await street.store.countFigures(march)).not.toEqual(truth);

    const repaired = await street.store.recountCounters('2026-03', true);
    expect(repaired).toMatchObject({ repaired: true, differences: found.differences });
    expect(await street.store.countFigures(march)).toEqual(truth);
    await expectCountersToAgree(street);
    expect(await street.store.recountCounters('2026-03', true)).toMatchObject({ differences: [], repaired: false });
  });
});
