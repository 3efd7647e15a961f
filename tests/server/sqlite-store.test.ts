import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/adapters/sqlite/database';
import { MIGRATIONS } from '../../server/adapters/sqlite/migrations';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { describeStoreContract } from './store-contract';

// 附议 (migration 13): the candidates of the similar-opinions rule, and a voter's supported opinions.
const SIMILAR_CANDIDATES_SQL = `SELECT doc FROM opinions WHERE station_id = 'a' AND category = 'transport'
  AND status IN ('submitted', 'assigned', 'transferred', 'replied') ORDER BY +created_at DESC, +id DESC LIMIT 200`;
const SUPPORTED_SQL = `SELECT o.doc FROM opinion_supports s JOIN opinions o ON o.id = s.opinion_id
  WHERE s.openid = 'v' ORDER BY s.at DESC, s.opinion_id DESC LIMIT 21`;

const scratch = () => join(mkdtempSync(join(tmpdir(), 'lianluo-store-')), 'store.sqlite');

describeStoreContract('SQLite', async () => createSqliteStore(scratch()), 'c-');

describe('the SQLite file', () => {
  test('is migrated once: reopening applies nothing again', () => {
    const file = scratch();
    openDatabase(file).close();
    const db = openDatabase(file);
    const versions = db.prepare('SELECT version FROM schema_migrations').all();
    expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  test.each`
    query                                                                                                     | index
    ${'SELECT * FROM stations ORDER BY sort_order, id'}                                                       | ${'stations_sort'}
    ${"SELECT * FROM deputies WHERE station_id IN ('a', 'b') ORDER BY station_id, id"}                        | ${'deputies_station'}
    ${"SELECT * FROM session_overrides WHERE station_id IN ('a') AND month >= '2026-01'"}                     | ${'sqlite_autoindex_session_overrides_1'}
    ${"SELECT * FROM audit_log WHERE target_type = 'x' AND target_id = 'y' ORDER BY id"}                      | ${'audit_target'}
    ${"SELECT code FROM invites WHERE deputy_id = 'd' AND used_by IS NULL"}                                   | ${'invites_deputy'}
    ${"SELECT 1 FROM accounts WHERE deputy_id = 'd' AND openid <> 'u'"}                                       | ${'accounts_deputy'}
    ${SIMILAR_CANDIDATES_SQL}                                                                                 | ${'opinions_station_category'}
    ${SUPPORTED_SQL}                                                                                          | ${'opinion_supports_openid'}
    ${"SELECT openid FROM opinion_supports WHERE opinion_id = 'o' ORDER BY at, openid"}                       | ${'opinion_supports_opinion_at'}
    ${"SELECT opinion_id, COUNT(*) FROM opinion_supports WHERE opinion_id IN ('o', 'p') GROUP BY opinion_id"} | ${'sqlite_autoindex_opinion_supports_1'}
  `('the query plan of "$query" uses $index', ({ query, index }) => {
    const db = openDatabase(scratch());
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as Array<{ detail: string }>)
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toContain(index);
    expect(plan).not.toMatch(
      /SCAN (stations|deputies|session_overrides|audit_log|invites|accounts|opinions|opinion_supports|s|o)\b(?! USING)/,
    );
    db.close();
  });
});
