import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { COLLECTION_NAMES } from '../../server/adapters/cloudbase/collections';
import { createCloudbaseStore } from '../../server/adapters/cloudbase/cloudbase-store';
import { runDocumentMigrations } from '../../server/adapters/cloudbase/document-migrations';
import { MIGRATIONS } from '../../server/adapters/sqlite/migrations';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import type { Store } from '../../server/ports/store';
import { createMemoryDatabase, memoryCloudbaseApp } from '../support/memory-cloudbase';

// Ratings stored before the ballot box — `deputy_evaluations`, the voter beside the answer and
// its time — are split on both stores into participations (who rated whom) and anonymous answers,
// and the old rows are gone.

const AT = 1_773_280_800_000; // 2026-03-12 10:00 Shanghai
const LEGACY = [
  {
    round_id: 'ev-old',
    deputy_id: 'd01',
    voter_openid: 'old-voter-a',
    satisfaction: 'satisfied',
    comment: '很好',
    at: AT,
  },
  {
    round_id: 'ev-old',
    deputy_id: 'd01',
    voter_openid: 'old-voter-b',
    satisfaction: 'dissatisfied',
    comment: null,
    at: AT + 1,
  },
  {
    round_id: 'ev-old',
    deputy_id: 'd02',
    voter_openid: 'old-voter-a',
    satisfaction: 'basically_satisfied',
    comment: '还行',
    at: AT + 2,
  },
];

/** What both stores must answer after the split, through the port. */
async function expectSplit(store: Store) {
  expect(await store.listParticipationsByVoter('old-voter-a')).toEqual([
    { roundId: 'ev-old', deputyId: 'd01', voterOpenid: 'old-voter-a' },
    { roundId: 'ev-old', deputyId: 'd02', voterOpenid: 'old-voter-a' },
  ]);
  expect(await store.countEvaluators('ev-old')).toBe(2);
  expect(await store.countEvaluations('ev-old')).toEqual([
    { deputyId: 'd01', satisfaction: 'dissatisfied', count: 1 },
    { deputyId: 'd01', satisfaction: 'satisfied', count: 1 },
    { deputyId: 'd02', satisfaction: 'basically_satisfied', count: 1 },
  ]);
  expect(await store.listEvaluationComments('ev-old', ['d01', 'd02'], 10)).toEqual([
    { deputyId: 'd01', satisfaction: 'satisfied', comment: '很好' },
    { deputyId: 'd02', satisfaction: 'basically_satisfied', comment: '还行' },
  ]);
  // a voter who rated before the split still cannot rate again
  expect(
    await store.addEvaluation(
      { roundId: 'ev-old', deputyId: 'd01', voterOpenid: 'old-voter-b' },
      { roundId: 'ev-old', deputyId: 'd01', satisfaction: 'satisfied' },
      { at: AT, actor: 'old-voter-b', action: 'evaluations.rate', targetType: 'evaluation_round', targetId: 'ev-old' },
    ),
  ).toBe(false);
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lianluo-ballot-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('SQLite migration 11 splits the old ratings: answers keep no voter and no time, the old table is dropped', async () => {
  const file = join(dir, 'store.sqlite');
  const old = new Database(file);
  old.pragma('foreign_keys = OFF'); // the station the deputies name is not needed here
  old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  for (const step of MIGRATIONS.filter((m) => m.version <= 10)) {
    old.exec(step.sql);
    old.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(step.version, AT);
  }
  old
    .prepare(
      "INSERT INTO deputies (id, station_id, name, title, focus_categories, active) VALUES (?, 's', ?, '代表', '[]', 1)",
    )
    .run('d01', '甲');
  old
    .prepare(
      "INSERT INTO deputies (id, station_id, name, title, focus_categories, active) VALUES (?, 's', ?, '代表', '[]', 1)",
    )
    .run('d02', '乙');
  old
    .prepare(
      "INSERT INTO evaluation_rounds (id, district, opens_on, doc) VALUES ('ev-old', '第一选区', '2026-03-10', '{}')",
    )
    .run();
  const insert = old.prepare(
    'INSERT INTO deputy_evaluations (round_id, deputy_id, voter_openid, satisfaction, comment, at) VALUES (@round_id, @deputy_id, @voter_openid, @satisfaction, @comment, @at)',
  );
  for (const row of LEGACY) insert.run(row);
  old.close();

  const store = createSqliteStore(file);
  const tables = (
    store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>
  ).map((t) => t.name);
  expect(tables).not.toContain('deputy_evaluations');
  const columns = (store.db.prepare('PRAGMA table_info(evaluation_answers)').all() as Array<{ name: string }>).map(
    (c) => c.name,
  );
  expect(columns).toEqual(['id', 'round_id', 'deputy_id', 'satisfaction', 'comment']);
  const ids = (store.db.prepare('SELECT id FROM evaluation_answers').all() as Array<{ id: string }>).map((r) => r.id);
  expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
  await expectSplit(store);
  store.db.close();
});

test('CloudBase document migration 2 moves each old rating once, into a participation and the deputy’s ballot', async () => {
  const db = createMemoryDatabase({ collections: COLLECTION_NAMES });
  db.load(
    'deputy_evaluations',
    LEGACY.map((r) => ({
      _id: `${r.round_id}_${r.deputy_id}_${r.voter_openid}`,
      roundId: r.round_id,
      deputyId: r.deputy_id,
      voterOpenid: r.voter_openid,
      satisfaction: r.satisfaction,
      ...(r.comment ? { comment: r.comment } : {}),
      at: r.at,
    })),
  );
  const first = await runDocumentMigrations(db, { pageSize: 2, maxPages: 1 });
  expect(first.done).toBe(false);
  const second = await runDocumentMigrations(db, { pageSize: 2 });
  expect(second.done).toBe(true);
  expect(second.migrations.find((m) => m.number === 2)).toMatchObject({ state: 'done', remaining: 0 });
  expect(db.dump('deputy_evaluations')).toEqual([]);
  for (const ballot of db.dump('evaluation_ballots')) {
    expect(Object.keys(ballot).sort()).toEqual(['_id', 'comments', 'counts', 'deputyId', 'roundId']);
    expect(JSON.stringify(ballot)).not.toMatch(/old-voter|17732/);
  }
  await expectSplit(createCloudbaseStore(memoryCloudbaseApp(db)));
});
