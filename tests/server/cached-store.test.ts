import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../server/adapters/action-scope';
import { cachedStore } from '../../server/adapters/cached-store';
import { createCloudbaseDocumentStore, createCloudbaseStore } from '../../server/adapters/cloudbase/cloudbase-store';
import { COLLECTION_NAMES } from '../../server/adapters/cloudbase/collections';
import { createSqliteStore, createSqliteTableStore } from '../../server/adapters/sqlite/sqlite-store';
import { DEMO_DEPUTIES, DEMO_GROUPS, DEMO_STATIONS, DEMO_UNITS } from '../../server/local/demo-street';
import { seedDemoData } from '../../server/local/seed';
import type { Store } from '../../server/ports/store';
import { createMemoryDatabase, memoryCloudbaseApp, type MemoryDatabase } from '../support/memory-cloudbase';

// The reference data kept by a warm instance (server/adapters/cached-store.ts), on both stores.
// Two stores on one database stand for two warm instances of the functions: what one changes,
// the other must show from its next action on, whenever the change lands.

interface Instances {
  /** A new instance (a cached store) on the shared database. */
  instance(): Store;
  /** A cached store over `wrap(raw store)`, to make a change land at a chosen moment of its reads. */
  instanceOver(wrap: (raw: Store) => Store): Store;
}

const audit = { at: 1, actor: 'test', action: 'test.change', targetType: 'test', targetId: 'x' };
const clock = { now: () => Date.UTC(2026, 2, 2, 2, 0) };
const station = DEMO_STATIONS[0]!;
const deputy = DEMO_DEPUTIES.find((d) => d.stationId === station.id)!;

const kinds: Array<[string, () => Promise<Instances>]> = [
  [
    'SQLite',
    async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'lianluo-cache-')), 'store.db');
      await seedDemoData(createSqliteTableStore(file), clock);
      return {
        instance: () => createSqliteStore(file),
        instanceOver: (wrap) => cachedStore(wrap(createSqliteTableStore(file))),
      };
    },
  ],
  [
    'CloudBase (in-memory stand-in)',
    async () => {
      const db = createMemoryDatabase({ collections: COLLECTION_NAMES });
      await seedDemoData(createCloudbaseDocumentStore(memoryCloudbaseApp(db)), clock);
      return {
        instance: () => createCloudbaseStore(memoryCloudbaseApp(db)),
        instanceOver: (wrap) => cachedStore(wrap(createCloudbaseDocumentStore(memoryCloudbaseApp(db)))),
      };
    },
  ],
];

/** Each change of reference data another instance may make, and what shows it. */
const changes: Array<{
  what: string;
  change: (other: Store) => Promise<unknown>;
  seen: (s: Store) => Promise<unknown>;
}> = [
  {
    what: 'a station renamed',
    change: (o) => o.putStation({ ...station, name: '改名后的联络站' }, audit),
    seen: async (s) => [(await s.getStation(station.id))?.name, (await s.listStations())[0]?.name],
  },
  {
    what: 'a deputy stepping down',
    change: (o) => o.putDeputy({ ...deputy, active: false }, audit),
    seen: async (s) => [
      (await s.getDeputy(deputy.id))?.active,
      (await s.listDeputies([station.id])).find((d) => d.id === deputy.id)?.active,
    ],
  },
  {
    what: 'a session moved (as staff change it)',
    change: (o) =>
      o.changeSession({ stationId: station.id, month: '2026-03', cancelled: true, reason: '改期' }, audit, []),
    seen: (s) => s.listSessionOverrides([station.id], '2026-03'),
  },
  {
    what: 'a holiday arrangement',
    change: (o) =>
      o.putHolidayArrangement({ year: 2031, holidays: [{ date: '2031-01-01', name: '元旦' }], workdays: [] }, audit),
    seen: async (s) => (await s.listHolidayArrangements()).map((a) => a.year),
  },
  {
    what: 'an account given',
    change: (o) => o.putAccount({ openid: 'new-staff', role: 'staff', stationId: station.id, createdAt: 1 }, audit),
    seen: async (s) => [(await s.getAccount('new-staff'))?.role, (await s.listStaffAccounts(station.id)).length],
  },
  {
    what: 'a 人大小组 renamed',
    change: (o) => o.putGroup({ ...DEMO_GROUPS[0]!, name: '新的小组名' }, audit),
    seen: async (s) => (await s.listGroups()).map((g) => g.name),
  },
  {
    what: 'a 承办单位 closed',
    change: (o) => o.putHandlingUnit({ ...DEMO_UNITS[0]!, active: false }, audit),
    seen: async (s) => (await s.getHandlingUnit(DEMO_UNITS[0]!.id))?.active,
  },
];

describe.each(kinds)('reference data kept by a warm instance, on %s', (_name, make) => {
  let street: Instances;
  beforeEach(async () => {
    street = await make();
  });

  test.each(changes)('$what through another instance is seen from the next action on', async ({ change, seen }) => {
    const warm = street.instance();
    const before = await runAction(() => seen(warm));
    await runAction(() => seen(warm)); // answered from the copy

    await change(street.instance());

    const after = await runAction(() => seen(warm));
    expect(after).not.toEqual(before);
    expect(after).toEqual(await seen(street.instance()));
  });

  test('each change of reference data changes its own kind’s version token, and a change of anything else none', async () => {
    const store = street.instance();
    const kindOf = [
      'stations',
      'deputies',
      'session_overrides',
      'holiday_arrangements',
      'accounts',
      'deputy_groups',
      'handling_units',
    ];
    for (const [i, { change }] of changes.entries()) {
      const before = await store.referenceVersion();
      await change(store);
      const after = await store.referenceVersion();
      const moved = Object.keys({ ...before, ...after }).filter(
        (k) => before[k as 'stations'] !== after[k as 'stations'],
      );
      expect(moved).toEqual([kindOf[i]]);
    }
    const before = await store.referenceVersion();
    await store.putSetting('expected-attendance', '0.8', audit);
    await store.setFollow('voter', station.id, true, 1);
    expect(await store.referenceVersion()).toEqual(before);
  });

  test('a change landing after the action read the version, before it read the data, is seen by the next action', async () => {
    let landed = false;
    const warm = street.instanceOver((raw) => ({
      ...raw,
      referenceVersion: async () => {
        const version = await raw.referenceVersion();
        if (!landed) {
          landed = true;
          await street.instance().putStation({ ...station, name: '先改了名' }, audit);
        }
        return version;
      },
    }));
    await runAction(() => warm.getStation(station.id));
    expect((await runAction(() => warm.getStation(station.id)))?.name).toBe('先改了名');
  });

  test('a change landing after the action read the data is seen by the next action', async () => {
    let landed = false;
    const warm = street.instanceOver((raw) => ({
      ...raw,
      listStations: async () => {
        const stations = await raw.listStations();
        if (!landed) {
          landed = true;
          await street.instance().putStation({ ...station, name: '后改了名' }, audit);
        }
        return stations;
      },
    }));
    expect((await runAction(() => warm.getStation(station.id)))?.name).toBe(station.name);
    expect((await runAction(() => warm.getStation(station.id)))?.name).toBe('后改了名');
  });

  test('changes of every kind made at once by other instances while one reads: the next action shows them all', async () => {
    const warm = street.instance();
    const seenAll = () => Promise.all(changes.map(({ seen }) => seen(warm)));
    const before = await runAction(seenAll);
    await Promise.all([
      ...changes.map(({ change }) => change(street.instance())),
      // Two instances renaming two stations at once: their tokens collide, a transaction runs again.
      street.instance().putStation({ ...DEMO_STATIONS[1]!, name: '同时改名的联络站' }, audit),
      runAction(seenAll),
      runAction(seenAll),
    ]);
    const after = await runAction(seenAll);
    expect(after).toEqual(await seenAll()); // read through, outside an action
    after.forEach((answer, i) => expect(answer).not.toEqual(before[i]));
    expect((await runAction(() => warm.getStation(DEMO_STATIONS[1]!.id)))?.name).toBe('同时改名的联络站');
  });

  test('what one action writes through the instance, it reads back in the same action', async () => {
    const warm = street.instance();
    await runAction(async () => {
      expect(await warm.getAccount('joined')).toBeNull();
      await warm.putAccount({ openid: 'joined', role: 'staff', stationId: station.id, createdAt: 1 }, audit);
      expect((await warm.getAccount('joined'))?.role).toBe('staff');
    });
  });

  test('a caller changing an answer does not change the copy kept', async () => {
    const warm = street.instance();
    await runAction(async () => {
      const first = await warm.getStation(station.id);
      first!.name = '调用方改的';
      (await warm.listStations()).length = 0;
    });
    await runAction(async () => {
      expect((await warm.getStation(station.id))?.name).toBe(station.name);
      expect(await warm.listStations()).toHaveLength(DEMO_STATIONS.length);
    });
  });

  test('answers from the copy are those of the database', async () => {
    const warm = street.instance();
    const direct = street.instance(); // outside an action: read through
    const read = (s: Store) =>
      Promise.all([
        s.listStations(),
        s.getStation(station.id),
        s.getStation('none'),
        s.listDeputies(),
        s.listDeputies([station.id, DEMO_STATIONS[1]!.id]),
        s.listDeputies([]),
        s.getDeputy(deputy.id),
        s.listSessionOverrides([station.id], '2020-01'),
        s.listSessionOverrides([station.id, DEMO_STATIONS[1]!.id], '2026-03'),
        s.listHolidayArrangements(),
        s.listAccounts(),
        s.getAccountByDeputy(deputy.id),
        s.listStaffAccounts(station.id),
        s.listUnitAccounts(DEMO_UNITS[0]!.id),
        s.listGroups(),
        s.listHandlingUnits(),
        s.getHandlingUnit(DEMO_UNITS[0]!.id),
      ]);
    await runAction(() => read(warm));
    expect(await runAction(() => read(warm))).toEqual(await read(direct));
  });
});

describe('one version read per action, on the CloudBase stand-in', () => {
  let db: MemoryDatabase;
  beforeEach(async () => {
    db = createMemoryDatabase({ collections: COLLECTION_NAMES });
    await seedDemoData(createCloudbaseDocumentStore(memoryCloudbaseApp(db)), clock);
  });

  const everything = (s: Store) =>
    Promise.all([
      s.listStations(),
      s.getStation(station.id),
      s.listDeputies([station.id]),
      s.getDeputy(deputy.id),
      s.listSessionOverrides([station.id], '2026-02'),
      s.listHolidayArrangements(),
      s.getAccount('anyone'),
      s.getAccountByDeputy(deputy.id),
      s.listGroups(),
      s.getHandlingUnit(DEMO_UNITS[0]!.id),
    ]);

  test('a warm instance answers an action from its copy after one read', async () => {
    const warm = createCloudbaseStore(memoryCloudbaseApp(db));
    await runAction(() => everything(warm));
    db.resetCounts();
    await runAction(() => everything(warm));
    expect(db.counts.reads).toBe(1);
    expect(db.counts.writes).toBe(0);
  });

  test('outside an action every answer is read from the database', async () => {
    const store = createCloudbaseStore(memoryCloudbaseApp(db));
    await everything(store);
    db.resetCounts();
    await everything(store);
    expect(db.counts.reads).toBe(10);
  });
});
