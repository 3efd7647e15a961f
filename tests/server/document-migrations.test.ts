import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryDatabase, memoryCloudbaseApp, type MemoryDatabase } from '../support/memory-cloudbase';
import { main as reports } from '../../cloudfunctions/reports/index';
import { createCloudbaseStore } from '../../server/adapters/cloudbase/cloudbase-store';
import { COLLECTION_NAMES } from '../../server/adapters/cloudbase/collections';
import {
  DOCUMENT_MIGRATIONS,
  MIGRATION_MARKER,
  runDocumentMigrations,
} from '../../server/adapters/cloudbase/document-migrations';
import { seedDemoData } from '../../server/local/seed';
import { setRuntime } from '../../server/runtime/runtime';
import type { Opinion } from '../../src/domain/opinion';
import { recount } from '../support/figure-recount';
import { startLocalApi } from '../support/local-api';
import { testRuntime } from '../support/test-runtime';
import { opinion, T0 } from './opinion-fixtures';

// Opinions written to CloudBase before the `figures` field existed, on the in-memory stand-in of
// CloudBase's database (tests/support/memory-cloudbase), brought up to date by the document
// migrations — in pages, resumable from a stored marker, each write conditional.

const NOW = Date.UTC(2026, 2, 20, 2); // 2026-03-20 10:00 Shanghai
const clock = { now: () => NOW };
const OLD = 25; // opinions without figures; 5 more are written by this release
// Each old opinion is changed by three steps: its figures (1), its counting (4), its timeline moved in (5).
const STEPS_PER_OLD = 3;
const at = (minutes: number) => T0 + minutes * 60_000;

/** Thirty opinions in every state the figures count: replied (on time or late), resolved, rated. */
function fixtures(): Opinion[] {
  return Array.from({ length: OLD + 5 }, (_, n) => {
    const kind = n % 5;
    const replied = kind >= 1;
    return opinion(n, {
      id: `op-mig-${String(n).padStart(3, '0')}`,
      authorOpenid: `voter-${n}`,
      status: (['assigned', 'replied', 'resolved', 'closed', 'closed'] as const)[kind],
      ...(replied
        ? { reply: { content: '已答复', deputyId: 'd01', at: kind === 2 ? Date.UTC(2026, 2, 15) : at(60) } }
        : {}),
      ...(kind >= 2 ? { resolution: { note: '已办结', at: at(120), by: 'demo-staff' } } : {}),
      ...(kind >= 3 ? { rating: { satisfaction: kind === 3 ? 'satisfied' : 'dissatisfied', at: at(180) } } : {}),
    } as Partial<Opinion>);
  });
}

/**
 * A CloudBase store on a fresh stand-in with the demo street and the fixtures, the first OLD as
 * an older release wrote them: without figures, and not in the counters.
 */
async function legacyDatabase() {
  const db = createMemoryDatabase({ collections: COLLECTION_NAMES });
  const store = createCloudbaseStore(memoryCloudbaseApp(db));
  await seedDemoData(store, clock);
  const all = fixtures();
  db.load(
    'opinions',
    all.slice(0, OLD).map((o) => ({ _id: o.id, ...o })),
  );
  for (const o of all.slice(OLD)) await store.createOpinion(o, [], []);
  return { db, store, all };
}

const withoutFigures = (db: MemoryDatabase) => db.dump('opinions').filter((d) => d.figures === undefined).length;
const marker = (db: MemoryDatabase) => db.dump('markers').find((d) => d._id === MIGRATION_MARKER);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lianluo-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const context = (openid?: string) => ({ environment: JSON.stringify(openid ? { WX_OPENID: openid } : {}) });
const stats = async () => {
  const answer = await reports({ action: 'stats', from: '2026-03-01', to: '2026-03-31' }, context('demo-admin'));
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data as Record<string, number>;
};
const counted = (s: Record<string, number>) => ({
  collected: s.collected,
  replied: s.replied,
  onTime: s.onTime,
  resolved: s.resolved,
  rated: s.rated,
  satisfied: s.satisfied,
  dissatisfied: s.dissatisfied,
});

describe('reports.migrate on CloudBase: opinions written before `figures` are counted after it', () => {
  test('miscounted before, counted as a full recount after; the run is audited', async () => {
    const { db, store, all } = await legacyDatabase();
    setRuntime(testRuntime(store, clock, dir));
    const expected = recount(all, { from: '2026-03-01', to: '2026-03-31', today: '2026-03-20' });
    expect(counted(await stats()).collected).toBe(expected.collected - OLD);

    const answer = await reports({ action: 'migrate' }, context('demo-admin'));
    expect(answer).toEqual({
      ok: true,
      data: {
        done: true,
        changed: STEPS_PER_OLD * OLD,
        remaining: 0,
        migrations: [
          { number: 1, name: '意见补写统计字段（figures）', state: 'done', changed: OLD, remaining: 0 },
          { number: 2, name: '述职评议拆分为参与记录与匿名选票', state: 'done', changed: 0, remaining: 0 },
          // The fixtures hold no contact: nothing for the retention field to start from.
          {
            number: 3,
            name: '已结束意见补写联系方式保存起点（contactEndedAt）',
            state: 'done',
            changed: 0,
            remaining: 0,
          },
          {
            number: 4,
            name: '意见计入统计计数器（figure_counters）',
            state: 'done',
            changed: OLD,
            remaining: 0,
          },
          { number: 5, name: '意见时间线移入意见本身（timeline）', state: 'done', changed: OLD, remaining: 0 },
          // Step 4 counted the old opinions with their open cases: none is left half counted.
          {
            number: 6,
            name: '在办意见计入统计计数器的在办数（figure_counters.open）',
            state: 'done',
            changed: 0,
            remaining: 0,
          },
          {
            number: 7,
            name: '订阅消息授权次数并入每人一份记录（acceptances）',
            state: 'done',
            changed: 0,
            remaining: 0,
          },
        ],
      },
    });
    expect(withoutFigures(db)).toBe(0);
    expect(counted(await stats())).toEqual({
      collected: expected.collected,
      replied: expected.replied,
      onTime: expected.onTime,
      resolved: expected.resolved,
      rated: expected.rated,
      satisfied: expected.satisfied,
      dissatisfied: expected.dissatisfied,
    });
    expect(await store.listAudit('store', 'documents')).toEqual([
      expect.objectContaining({
        actor: 'demo-admin',
        action: 'reports.migrate',
        detail: { done: true, changed: STEPS_PER_OLD * OLD, remaining: 0 },
      }),
    ]);
  });

  test('only an admin may run it: others are FORBIDDEN (anonymous UNAUTHENTICATED) and nothing changes', async () => {
    const { db, store } = await legacyDatabase();
    setRuntime(testRuntime(store, clock, dir));
    for (const openid of ['demo-voter', 'demo-deputy', 'demo-staff']) {
      expect(await reports({ action: 'migrate' }, context(openid))).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: '只有人大工委可以升级数据' },
      });
    }
    expect((await reports({ action: 'migrate' }, context())).ok).toBe(false);
    expect(withoutFigures(db)).toBe(OLD);
    expect(marker(db)).toBeUndefined();
  });
});

describe('the migration runner: pages, a stored marker, conditional writes', () => {
  test('a run stopped after one page saves the step and cursor; the next run continues from there', async () => {
    const { db } = await legacyDatabase();
    const first = await runDocumentMigrations(db, { pageSize: 10, maxPages: 1 });
    // OLD - 10 still without figures, OLD not yet counted (migration 4) nor holding their timeline (5)
    expect(first).toMatchObject({ done: false, changed: 10, remaining: STEPS_PER_OLD * OLD - 10 });
    expect(marker(db)).toEqual({ _id: MIGRATION_MARKER, completed: 0, cursor: 'op-mig-009', passChanged: 10 });

    const second = await runDocumentMigrations(db, { pageSize: 10 });
    expect(second).toMatchObject({ done: true, changed: STEPS_PER_OLD * OLD - 10, remaining: 0 });
    expect(marker(db)).toEqual({
      _id: MIGRATION_MARKER,
      completed: DOCUMENT_MIGRATIONS.length,
      cursor: null,
      passChanged: 0,
    });
    expect(withoutFigures(db)).toBe(0);
  });

  test('an opinion that ended holding a contact before the retention field existed is found by the retention job after it', async () => {
    const { db, store } = await legacyDatabase();
    const ended = opinion(90, {
      id: 'op-mig-ended',
      status: 'closed',
      contact: { name: '张桂英', phone: '13805741234' },
      rating: { satisfaction: 'satisfied', at: at(180) },
      updatedAt: at(180),
    } as Partial<Opinion>);
    await store.createOpinion(ended, [], []);
    db.load(
      'opinions',
      db.dump('opinions').map(({ contactEndedAt: _ended, ...rest }) => rest),
    );
    expect(await store.listContactsEndedBefore(NOW, 10)).toEqual([]);

    await runDocumentMigrations(db);
    expect((await store.listContactsEndedBefore(NOW, 10)).map((o) => o.id)).toEqual(['op-mig-ended']);
  });

  test('a run killed in the middle of its second page (a function timeout) loses nothing and repeats nothing', async () => {
    const { db } = await legacyDatabase();
    await expect(runDocumentMigrations(cutOffAfterWrites(db, 13), { pageSize: 10 })).rejects.toThrow('超时');
    expect(marker(db)).toMatchObject({ completed: 0, cursor: 'op-mig-009' });
    expect(withoutFigures(db)).toBe(OLD - 13);

    const resumed = await runDocumentMigrations(db, { pageSize: 10 });
    expect(resumed).toMatchObject({ done: true, changed: OLD - 13 + 2 * OLD });
    expect(withoutFigures(db)).toBe(0);
  });

  test('a second run changes nothing — nor does one that has lost its marker', async () => {
    const { db } = await legacyDatabase();
    await runDocumentMigrations(db);
    const after = db.dump('opinions');
    expect(await runDocumentMigrations(db)).toMatchObject({ done: true, changed: 0, remaining: 0 });
    db.load('markers', [{ _id: MIGRATION_MARKER, completed: 0, cursor: null, passChanged: 0 }]);
    expect(await runDocumentMigrations(db, { pageSize: 7 })).toMatchObject({ done: true, changed: 0 });
    expect(db.dump('opinions')).toEqual(after);
  });

  test('two runs at once migrate each document once', async () => {
    const { db } = await legacyDatabase();
    const [a, b] = await Promise.all([
      runDocumentMigrations(db, { pageSize: 4 }),
      runDocumentMigrations(db, { pageSize: 4 }),
    ]);
    expect(a.changed + b.changed).toBe(STEPS_PER_OLD * OLD);
    expect(withoutFigures(db)).toBe(0);
  });

  test('an opinion an older release rewrote (without figures) between the read and the write gets its new figures in another pass', async () => {
    const { db } = await legacyDatabase();
    const target = 'op-mig-000'; // assigned, not replied, when read
    const racing = interceptFirstWrite(db, () => {
      const doc = db.dump('opinions').find((d) => d._id === target)!;
      db.load('opinions', [
        { ...doc, status: 'replied', version: 2, reply: { content: '已答复', deputyId: 'd01', at: at(30) } },
      ]);
    });
    expect(await runDocumentMigrations(racing, { pageSize: 10 })).toMatchObject({
      done: true,
      changed: STEPS_PER_OLD * OLD,
      remaining: 0,
    });
    expect(db.dump('opinions').find((d) => d._id === target)!.figures).toMatchObject({ replied: 1, onTime: 1 });
  });
});

describe('reports.migrate locally', () => {
  test('the SQLite store migrated its schema when it opened: the answer is done at once', async () => {
    const api = await startLocalApi();
    try {
      const { body } = await api.post('reports', { action: 'migrate' }, 'demo-admin');
      expect(body.data).toEqual({ done: true, changed: 0, remaining: 0, migrations: [] });
      expect((await api.post('reports', { action: 'migrate' }, 'demo-staff')).status).toBe(403);
    } finally {
      await api.stop();
    }
  });
});

describe('reports.recount locally', () => {
  test('an admin checks a month against its opinions: nothing differs, and the run is audited; others may not', async () => {
    const api = await startLocalApi();
    try {
      await api.post(
        'opinions',
        {
          action: 'submit',
          stationId: 'qx-jiedao',
          category: 'transport',
          content: '环城西路路灯不亮，夜间行人看不清路面。',
          requestId: 'req-recount',
        },
        'voter-recount',
      );
      const { body } = await api.post('reports', { action: 'recount', month: '2026-03', repair: true }, 'demo-admin');
      // the month's counter of the opinion, and its deputy's open case
      expect(body.data).toEqual({ month: '2026-03', checked: 2, differences: [], repaired: false });
      expect(await api.store.listAudit('store', 'counters:2026-03')).toEqual([
        expect.objectContaining({
          actor: 'demo-admin',
          action: 'reports.recount',
          detail: { month: '2026-03', checked: 2, differences: 0, repaired: false },
        }),
      ]);
      for (const who of ['demo-staff', 'demo-deputy', 'demo-voter']) {
        expect((await api.post('reports', { action: 'recount', month: '2026-03' }, who)).body.error).toEqual({
          code: 'FORBIDDEN',
          message: '只有人大工委可以核对统计',
        });
      }
      expect((await api.post('reports', { action: 'recount', month: '2026-3' }, 'demo-admin')).body.error).toEqual({
        code: 'INVALID_INPUT',
        message: '月份格式不正确，应为“2026-03”这样的年-月',
      });
    } finally {
      await api.stop();
    }
  });
});

// -- the stand-in as a cloud function sees it when something happens mid-run ------------------

/** The database, but every `where(...).update()` after the first `writes` fails as a timed-out function would. */
function cutOffAfterWrites(db: MemoryDatabase, writes: number): any {
  let left = writes;
  return wrapUpdates(db, async (update) => {
    if (left <= 0) {
      // After a round trip, as the function's end would come: the writes already sent have landed.
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error('云函数执行超时');
    }
    left -= 1;
    return update();
  });
}

/** The database, with `before` run once just before the first conditional write reaches it. */
function interceptFirstWrite(db: MemoryDatabase, before: () => void): any {
  let done = false;
  return wrapUpdates(db, async (update) => {
    if (!done) {
      done = true;
      before();
    }
    return update();
  });
}

function wrapUpdates(db: MemoryDatabase, around: (update: () => Promise<unknown>) => Promise<unknown>): any {
  const wrapQuery = (query: any): any =>
    new Proxy(query, {
      get(target, property) {
        if (property === 'update') return (data: unknown) => around(() => target.update(data));
        const value = target[property];
        if (typeof value !== 'function') return value;
        if (['where', 'orderBy', 'limit', 'skip'].includes(String(property))) {
          return (...args: unknown[]) => wrapQuery(value.apply(target, args));
        }
        return value.bind(target);
      },
    });
  return new Proxy(db, {
    get(target, property) {
      if (property === 'collection') return (name: string) => wrapQuery(target.collection(name));
      const value = (target as any)[property];
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
