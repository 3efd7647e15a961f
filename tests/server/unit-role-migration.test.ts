import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../server/adapters/sqlite/database';
import { MIGRATIONS } from '../../server/adapters/sqlite/migrations';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';

// Migration 14 rebuilds accounts and invites so that they may hold the role 'unit' and a unit:
// a database written before it keeps every account and invite, and the indexes that keep one
// account per deputy and find a deputy's invites.

const AT = 1_773_280_800_000; // 2026-03-12 10:00 Shanghai

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lianluo-unit-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A store file brought up to `version` by the migrations of its time, with people in it. */
function oldDatabase(version: number): string {
  const file = join(dir, 'store.sqlite');
  const old = new Database(file);
  old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  for (const step of MIGRATIONS.filter((m) => m.version <= version)) {
    old.exec(step.sql);
    old.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(step.version, AT);
  }
  const account = old.prepare(
    'INSERT INTO accounts (openid, role, station_id, deputy_id, display_name, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  account.run('openid-chen', 'deputy', 'st-east', 'd01', '陈建国', AT);
  account.run('staff-lin', 'staff', 'st-east', null, null, AT + 1);
  account.run('committee', 'admin', null, null, '人大工委', AT + 2);
  const invite = old.prepare(
    `INSERT INTO invites (code, role, station_id, deputy_id, display_name, expires_at, issued_by, used_by, used_at, revoked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  invite.run('CHEN2345', 'deputy', 'st-east', 'd01', '陈建国', AT + 7e8, 'staff-lin', 'openid-chen', AT, null);
  invite.run('OLD23456', 'deputy', 'st-east', 'd02', null, AT + 7e8, 'staff-lin', null, null, AT + 5);
  invite.run('STAF2345', 'staff', 'st-east', null, null, AT + 7e8, 'committee', null, null, null);
  old.close();
  return file;
}

test.each([12, 13].filter((v) => MIGRATIONS.some((m) => m.version === v)))(
  'a store at version %i keeps its accounts and invites and may then hold unit contacts',
  async (version) => {
    const file = oldDatabase(version);
    const store = createSqliteStore(file);

    // every migration since applied, 14 among them
    const latest = Math.max(...MIGRATIONS.map((m) => m.version));
    expect(store.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: latest });
    expect(latest).toBeGreaterThanOrEqual(14);
    expect(await store.getAccount('openid-chen')).toEqual({
      openid: 'openid-chen',
      role: 'deputy',
      stationId: 'st-east',
      deputyId: 'd01',
      displayName: '陈建国',
      createdAt: AT,
    });
    expect(await store.listStaffAccounts('st-east')).toEqual([
      { openid: 'staff-lin', role: 'staff', stationId: 'st-east', createdAt: AT + 1 },
    ]);
    expect(await store.getAccount('committee')).toEqual({
      openid: 'committee',
      role: 'admin',
      displayName: '人大工委',
      createdAt: AT + 2,
    });
    expect(await store.getInvite('CHEN2345')).toMatchObject({ usedBy: 'openid-chen', usedAt: AT });
    expect(await store.getInvite('OLD23456')).toMatchObject({ deputyId: 'd02', revokedAt: AT + 5 });
    expect(await store.getInvite('STAF2345')).toEqual({
      code: 'STAF2345',
      role: 'staff',
      stationId: 'st-east',
      expiresAt: AT + 7e8,
      issuedBy: 'committee',
    });

    // the rebuilt tables still keep one account per deputy (the driver's error may come from another
    // test file's realm, so it is matched by its message, not as an Error)
    const audit = { at: AT, actor: 'committee', action: 'test', targetType: 'account', targetId: 'x' };
    await expect(
      store.putAccount({ openid: 'someone-else', role: 'deputy', deputyId: 'd01', createdAt: AT }, audit),
    ).rejects.toMatchObject({ message: expect.stringMatching(/UNIQUE/) });
    const indexes = store.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('accounts', 'invites')")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(indexes).toEqual(
      expect.arrayContaining(['accounts_deputy', 'accounts_station_role', 'accounts_unit_role', 'invites_deputy']),
    );

    const contact = { openid: 'unit-wang', role: 'unit' as const, unitId: 'hu-traffic', createdAt: AT + 3 };
    await store.putAccount(contact, audit);
    expect(await store.listUnitAccounts('hu-traffic')).toEqual([contact]);
    await store.close();
  },
);

test('a role the product does not know is still refused by the rebuilt tables', () => {
  const db = openDatabase(join(dir, 'fresh.sqlite'));
  expect(() => db.prepare("INSERT INTO accounts (openid, role, created_at) VALUES ('x', 'mayor', 1)").run()).toThrow(
    /CHECK/,
  );
  expect(() =>
    db
      .prepare(
        "INSERT INTO invites (code, role, station_id, expires_at, issued_by) VALUES ('X', 'voter', '', 1, 'committee')",
      )
      .run(),
  ).toThrow(/CHECK/);
  db.close();
});
