import { createCloudbaseStore } from '../../server/adapters/cloudbase/cloudbase-store';
import { COLLECTION_NAMES } from '../../server/adapters/cloudbase/collections';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { openMonthCounters } from '../../server/services/counter-opening';
import { runScheduledJobs } from '../../server/services/scheduled-jobs';
import { submitOpinion } from '../../server/services/submit-opinion';
import { CATEGORY_IDS, type CategoryId } from '../../src/domain/categories';
import { openingKeys } from '../../src/domain/figure-counters';
import { periodInstants } from '../../src/domain/figures';
import { aStreet, DEPUTIES, EAST, type Street, WEST } from '../support/builders';
import { createMemoryDatabase, memoryCloudbaseApp, type MemoryDatabase } from '../support/memory-cloudbase';
import { testRuntime } from '../support/test-runtime';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The scheduler opens this month's and next month's figure counters ahead of their opinions
// (server/services/counter-opening.ts). On CloudBase a change then raises its counter with one
// `inc`, never creating it; on both stores an opened counter changes no figure and no routing.

const TEXT = '东门路口的红绿灯时间太短，老人过马路来不及，希望延长绿灯时间。';
const MARCH = { ...periodInstants({ from: '2026-03-01', to: '2026-03-31' }), today: '2026-03-02' };

async function cloudbaseStreet(): Promise<{ db: MemoryDatabase; street: Street }> {
  const db = createMemoryDatabase({ collections: COLLECTION_NAMES });
  return { db, street: await aStreet({ dailySubmitLimit: 1000 }, createCloudbaseStore(memoryCloudbaseApp(db))) };
}

const clockOf = (street: Street) => ({ now: () => street.now });

async function submit(street: Street, n: number, stationId = EAST.id, category: CategoryId = 'transport') {
  return submitOpinion(
    { stationId, category, content: `${TEXT}（${n}）`, requestId: `open-${n}` },
    await street.as(`voter-open-${n}`),
  );
}

/** The writes of one submit, counted on the stand-in. */
async function writesOfSubmit(db: MemoryDatabase, street: Street, n: number) {
  db.resetCounts();
  await submit(street, n);
  return db.counts.writes;
}

test('a month is opened with every station’s deputies in office and none, in every category', () => {
  const keys = openingKeys('2026-03', [EAST, WEST], Object.values(DEPUTIES), CATEGORY_IDS);
  const holders = new Set(keys.map((k) => `${k.stationId}:${k.deputyId}`));
  const inOffice = Object.values(DEPUTIES).filter((d) => d.active);
  expect(holders.size).toBe(2 + inOffice.length);
  expect(keys).toHaveLength(holders.size * CATEGORY_IDS.length);
  expect(keys.every((k) => k.month === '2026-03')).toBe(true);
});

describe('CloudBase (in-memory stand-in)', () => {
  test('once the month is opened, a submit raises its counter and creates none', async () => {
    const { db, street } = await cloudbaseStreet();
    // Not opened: the month's first opinion in a counter writes once more than the next one.
    const first = await writesOfSubmit(db, street, 1);
    const next = await writesOfSubmit(db, street, 2);
    expect(first).toBeGreaterThan(next);

    const { db: opened, street: openedStreet } = await cloudbaseStreet();
    const { opened: created } = await openMonthCounters(openedStreet.store, clockOf(openedStreet));
    expect(created).toBe(2 * openingKeys('2026-03', [EAST, WEST], Object.values(DEPUTIES), CATEGORY_IDS).length);
    expect(await writesOfSubmit(opened, openedStreet, 1)).toBe(next);
  });

  test('opening changes no figure and no routing, and opening again creates nothing', async () => {
    const { street } = await cloudbaseStreet();
    for (let n = 0; n < 4; n += 1) await submit(street, n, n % 2 ? EAST.id : WEST.id);
    const before = {
      figures: await street.store.countFigures(MARCH),
      byDeputy: await street.store.countFiguresBy(MARCH, 'deputy'),
      open: await street.store.countOpenByDeputy(EAST.id),
    };
    expect((await openMonthCounters(street.store, clockOf(street))).opened).toBeGreaterThan(0);
    expect({
      figures: await street.store.countFigures(MARCH),
      byDeputy: await street.store.countFiguresBy(MARCH, 'deputy'),
      open: await street.store.countOpenByDeputy(EAST.id),
    }).toEqual(before);
    expect(await street.store.recountCounters('2026-03', false)).toMatchObject({ differences: [] });
    expect(await openMonthCounters(street.store, clockOf(street))).toEqual({
      months: ['2026-03', '2026-04'],
      opened: 0,
    });
  });

  test('submits racing the opening are each counted once', async () => {
    const { street } = await cloudbaseStreet();
    await Promise.all([
      openMonthCounters(street.store, clockOf(street)),
      ...Array.from({ length: 12 }, (_, n) => submit(street, n, n % 3 ? EAST.id : WEST.id, CATEGORY_IDS[n % 3]!)),
    ]);
    expect(await street.store.countFigures(MARCH)).toMatchObject({ collected: 12 });
    expect(await street.store.recountCounters('2026-03', false)).toMatchObject({ differences: [] });
  });

  test('a call creates at most its limit; the next one goes on', async () => {
    const { street } = await cloudbaseStreet();
    const keys = openingKeys('2026-03', [EAST, WEST], Object.values(DEPUTIES), CATEGORY_IDS);
    expect(await street.store.openFigureCounters(keys, 10)).toBe(10);
    expect(await street.store.openFigureCounters(keys, 1000)).toBe(keys.length - 10);
  });

  test('the scheduler opens the months once a day, from 02:00', async () => {
    const { street } = await cloudbaseStreet();
    const dir = mkdtempSync(join(tmpdir(), 'lianluo-opening-'));
    const deps = (now: number) => testRuntime(street.store, { now: () => now }, dir);
    const at = (time: string) => Date.parse(`${time}+08:00`);
    expect((await runScheduledJobs(deps(at('2026-03-03T02:00:00')), { outbox: false })).counters).toMatchObject({
      slot: '2026-03-03',
      months: ['2026-03', '2026-04'],
    });
    expect((await runScheduledJobs(deps(at('2026-03-03T02:01:00')), { outbox: false })).counters).toBeUndefined();
  });
});

test('SQLite: its triggers create a counter with the change that first moves it, so nothing is opened', async () => {
  const street = await aStreet({ dailySubmitLimit: 1000 }, createSqliteStore(':memory:'));
  await submit(street, 1);
  const before = await street.store.countFiguresBy(MARCH, 'category');
  expect(await openMonthCounters(street.store, clockOf(street))).toEqual({ months: ['2026-03', '2026-04'], opened: 0 });
  expect(await street.store.countFiguresBy(MARCH, 'category')).toEqual(before);
});
