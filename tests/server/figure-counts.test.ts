import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { figuresDocument } from '../../server/adapters/cloudbase/cloudbase-figures';
import { createCloudbaseOpinionStore } from '../../server/adapters/cloudbase/cloudbase-opinion-store';
import { runDocumentMigrations } from '../../server/adapters/cloudbase/document-migrations';
import { openDatabase } from '../../server/adapters/sqlite/database';
import { MIGRATIONS } from '../../server/adapters/sqlite/migrations';
import { countersSql, figureColumns, figuresSql, overdueSql } from '../../server/adapters/sqlite/sqlite-figures';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { DEMO_DEPUTIES, DEMO_STATIONS } from '../../server/local/demo-street';
import type { FigureGrouping, FigureQuery } from '../../server/ports/figure-query';
import type { OpinionStore } from '../../server/ports/opinion-store';
import { CATEGORY_IDS } from '../../src/domain/categories';
import { periodInstants } from '../../src/domain/figures';
import type { Opinion, OpinionStatus, Satisfaction } from '../../src/domain/opinion';
import {
  collectedOf,
  expectedGroupRows,
  rawCountsOf,
  recount,
  type RecountQuery,
  shanghaiDay,
} from '../support/figure-recount';
import { createMemoryDatabase, sdkDatabaseOver } from '../support/memory-cloudbase';
import { seededRandom } from '../support/seeded-random';

// Both store adapters add up the same 1,500 opinions (more than CloudBase's 1,000-document
// page) and must agree with a full recount in the test, for every filter and grouping.

const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse('2025-01-01T00:00:00Z');
const STATIONS = ['qx-jiedao', 'qx-wenchang', 'qx-laixun', 'qx-youche'];
const TODAY = '2026-03-10';

function opinions(n: number): Opinion[] {
  const rnd = seededRandom(20260310);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: Opinion[] = [];
  for (let i = 0; i < n; i += 1) {
    const createdAt = START + Math.floor(rnd() * 440 * DAY);
    const stationId = pick(STATIONS);
    const deputies = DEMO_DEPUTIES.filter((d) => d.stationId === stationId);
    const held = rnd() < 0.05;
    const replyDueDate = held ? undefined : shanghaiDay(createdAt + 14 * DAY);
    const status: OpinionStatus = held
      ? 'held'
      : pick([
          'assigned',
          'transferred',
          'replied',
          'resolved',
          'closed',
          'rejected',
          'withdrawn',
          'assigned',
        ] as const);
    const replied = ['replied', 'resolved', 'closed'].includes(status) || (status === 'assigned' && rnd() < 0.2);
    const resolved = ['resolved', 'closed'].includes(status) || (replied && status === 'assigned');
    const rated = status === 'closed' || (resolved && status !== 'resolved') || (status === 'resolved' && rnd() < 0.3);
    const satisfaction: Satisfaction =
      status === 'closed' ? pick(['satisfied', 'basically_satisfied'] as const) : 'dissatisfied';
    out.push({
      id: `op-${String(i).padStart(5, '0')}`,
      stationId,
      category: pick(CATEGORY_IDS),
      content: '环城西路路灯不亮，夜间行人看不清路面。',
      images: [],
      anonymous: false,
      authorOpenid: `voter-${i}`,
      source: 'app',
      submittedBy: `voter-${i}`,
      requestId: `req-${i}`,
      status,
      version: 1,
      ...(held ? {} : { assignedDeputyId: pick(deputies).id, replyDueDate }),
      createdAt,
      ...(replied ? { reply: { content: '已答复', deputyId: 'd', at: createdAt + Math.floor(rnd() * 25 * DAY) } } : {}),
      ...(resolved ? { resolution: { note: '已办结', at: createdAt + 26 * DAY, by: 'staff' } } : {}),
      ...(rated ? { rating: { satisfaction, at: createdAt + 27 * DAY } } : {}),
      reopenCount: status === 'assigned' && resolved ? 1 : 0,
      updatedAt: createdAt,
    });
  }
  return out;
}

const ALL = opinions(1500);

type Filters = Pick<RecountQuery, 'stationId' | 'deputyId' | 'category'>;
const storeQuery = (from: string, to: string, f: Filters): FigureQuery =>
  ({ ...periodInstants({ from, to }), today: TODAY, ...f }) as FigureQuery;

const PERIODS = [
  { from: '2025-01-01', to: '2026-03-31' },
  { from: '2025-06-01', to: '2025-06-30' },
  { from: '2025-12-31', to: '2026-01-01' },
];
const FILTERS: Filters[] = [{}, { stationId: 'qx-wenchang' }, { deputyId: 'd01' }, { category: 'housing' }];
const GROUPINGS: FigureGrouping[] = ['station', 'deputy', 'category', 'month'];

function describeCounts(name: string, open: () => Promise<{ store: OpinionStore; dispose: () => Promise<void> }>) {
  describe(`${name}: counts agree with a full recount`, () => {
    let store: OpinionStore;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      ({ store, dispose } = await open());
    });
    afterAll(() => dispose());

    test('more than a page of opinions is counted', async () => {
      const counts = await store.countFigures!(storeQuery('2025-01-01', '2026-03-31', {}));
      expect(counts.collected).toBeGreaterThan(1000);
      expect(counts.collected).toBe(collectedOf(ALL, { from: '2025-01-01', to: '2026-03-31', today: TODAY }).length);
    });

    for (const { from, to } of PERIODS) {
      test.each(FILTERS)(`${from}..${to} with %j`, async (f) => {
        const total = await store.countFigures!(storeQuery(from, to, f));
        expect(total).toEqual(rawCountsOf(recount(ALL, { from, to, today: TODAY, ...f })));
        for (const groupBy of GROUPINGS) {
          expect([groupBy, await store.countFiguresBy!(storeQuery(from, to, f), groupBy)]).toEqual([
            groupBy,
            expectedGroupRows(ALL, { from, to, today: TODAY, ...f }, groupBy),
          ]);
        }
      });
    }
  });
}

const scratchDir = () => mkdtempSync(join(tmpdir(), 'lianluo-figures-'));
const audit = { at: START, actor: 'test', action: 'test', targetType: 'station', targetId: '-' };

describeCounts('SQLite', async () => {
  const dir = scratchDir();
  const store = createSqliteStore(join(dir, 'store.sqlite'));
  for (const s of DEMO_STATIONS) await store.putStation(s, audit);
  // Half are written as they are, half created open and then brought to their state by an
  // update, so that both statements keep the figure columns.
  for (const [i, o] of ALL.entries()) {
    if (i % 2 === 0) {
      await store.createOpinion(o, [], []);
      continue;
    }
    const { reply: _r, resolution: _s, rating: _t, ...open } = o;
    await store.createOpinion({ ...open, status: 'assigned' }, [], []);
    expect(await store.updateOpinion({ ...o, version: 2 }, 1, [], [])).toBe(true);
  }
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeCounts('CloudBase (the SDK’s real pipeline, run in memory)', async () => {
  // The real SDK builds and serialises the pipeline; the in-memory stand-in of CloudBase's
  // database decodes the request and runs it in mingo.
  const memory = createMemoryDatabase();
  memory.load(
    'opinions',
    ALL.map((o) => ({ _id: o.id, ...o, figures: figuresDocument(o) })),
  );
  // Written as before the counters: document migration 4 counts each of them once.
  expect((await runDocumentMigrations(memory)).done).toBe(true);
  const calls: string[] = [];
  const db = sdkDatabaseOver(memory, calls);
  return {
    store: createCloudbaseOpinionStore(db),
    dispose: async () => {
      // one aggregate call per count: no document list was ever asked for
      expect(new Set(calls)).toEqual(new Set(['database.aggregateDocuments']));
    },
  };
});

describe('the SQLite schema for the figures', () => {
  test('migration 5 fills the columns of opinions written before it, as figureFields would', () => {
    const dir = scratchDir();
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    old.pragma('foreign_keys = OFF'); // the stations do not matter here
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
    // A file as it stood before migration 5: the later steps come when it is opened, in order.
    for (const step of MIGRATIONS.filter((m) => m.version < 5)) {
      old.exec(step.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, 0)').run(step.version);
    }
    const insert = old.prepare(
      `INSERT INTO opinions (id, station_id, author_openid, submitted_by, request_id, status, version,
         assigned_deputy_id, reply_due_date, created_at, doc)
       VALUES (@id, @stationId, @authorOpenid, @submittedBy, @requestId, @status, 1,
         @assignedDeputyId, @replyDueDate, @createdAt, @doc)`,
    );
    for (const o of ALL.slice(0, 300)) {
      insert.run({ assignedDeputyId: null, replyDueDate: null, ...o, doc: JSON.stringify(o) });
    }
    old.close();

    const db = openDatabase(file);
    const rows = db
      .prepare('SELECT doc, category, created_month, replied_at, replied_on_time, resolved, satisfaction FROM opinions')
      .all() as Array<Record<string, unknown> & { doc: string }>;
    expect(rows).toHaveLength(300);
    for (const { doc, ...columns } of rows) expect(columns).toEqual(figureColumns(JSON.parse(doc) as Opinion));
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test.each`
    filters                                            | groupBy       | index
    ${{}}                                              | ${undefined}  | ${'COVERING INDEX opinions_figures (created_at>? AND created_at<?)'}
    ${{}}                                              | ${'month'}    | ${'COVERING INDEX opinions_figures (created_at>? AND created_at<?)'}
    ${{ stationId: 'qx-jiedao' }}                      | ${undefined}  | ${'opinions_station_created (station_id=? AND created_at>? AND created_at<?)'}
    ${{ stationId: 'qx-jiedao' }}                      | ${'deputy'}   | ${'opinions_station_created (station_id=? AND created_at>? AND created_at<?)'}
    ${{ deputyId: 'd01' }}                             | ${'category'} | ${'opinions_deputy_created (assigned_deputy_id=? AND created_at>? AND created_at<?)'}
    ${{ category: 'housing' }}                         | ${'station'}  | ${'COVERING INDEX opinions_figures (created_at>? AND created_at<?)'}
    ${{ stationId: 'qx-jiedao', category: 'housing' }} | ${undefined}  | ${'AND created_at>? AND created_at<?)'}
  `('counting $filters by $groupBy reads the period off an index: $index', ({ filters, groupBy, index }) => {
    const dir = scratchDir();
    const db = openDatabase(join(dir, 'plan.sqlite'));
    const query = storeQuery('2025-01-01', '2025-12-31', filters);
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${figuresSql(query, groupBy)}`).all({ ...query }) as Array<{
        detail: string;
      }>
    )
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toContain(index);
    expect(plan).not.toMatch(/SCAN opinions/);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test.each`
    filters                       | groupBy      | index
    ${{}}                         | ${undefined} | ${'figure_counters USING PRIMARY KEY (month>? AND month<?)'}
    ${{}}                         | ${'station'} | ${'figure_counters USING PRIMARY KEY (month>? AND month<?)'}
    ${{ stationId: 'qx-jiedao' }} | ${'deputy'}  | ${'figure_counters_station (station_id=? AND month>? AND month<?)'}
    ${{ deputyId: 'd01' }}        | ${'month'}   | ${'figure_counters_deputy (deputy_id=? AND month>? AND month<?)'}
    ${{ category: 'housing' }}    | ${'station'} | ${'figure_counters_category (category=? AND month>? AND month<?)'}
  `('the counters of $filters by $groupBy are read by month off $index', ({ filters, groupBy, index }) => {
    const dir = scratchDir();
    const db = openDatabase(join(dir, 'plan.sqlite'));
    const plan = (
      db
        .prepare(`EXPLAIN QUERY PLAN ${countersSql(filters, groupBy)}`)
        .all({ first: '2025-01', last: '2025-12', ...filters }) as Array<{
        detail: string;
      }>
    )
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toContain(index);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('overdue reads the open cases only (the partial index opinions_open_due), whatever the filters', () => {
    const dir = scratchDir();
    const db = openDatabase(join(dir, 'plan.sqlite'));
    for (const filters of FILTERS) {
      for (const groupBy of [undefined, ...GROUPINGS]) {
        const query = storeQuery('2025-01-01', '2025-12-31', filters);
        const plan = (
          db.prepare(`EXPLAIN QUERY PLAN ${overdueSql(query, groupBy)}`).all({ ...query }) as Array<{ detail: string }>
        )
          .map((r) => r.detail)
          .join(' | ');
        expect(plan).toContain('COVERING INDEX opinions_open_due (reply_due_date<?)');
      }
    }
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
