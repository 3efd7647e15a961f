import type { Account, Invite } from '../../../src/domain/roles';
import {
  inviteRevocation,
  REFERENCE_DATA,
  type ReferenceVersions,
  referenceVersionMarker,
  settingMarker,
} from '../../ports/store-types';
import { cachedStore } from '../cached-store';
import type { AuditEntry, RedeemOutcome, Store } from '../../ports/store';
import { openDatabase, type SqliteDatabase } from './database';
import { createSqliteActivityStore } from './sqlite-activity-store';
import { createSqliteEvaluationStore } from './sqlite-evaluation-store';
import { createSqliteFollowStore } from './sqlite-follow-store';
import { createSqliteGeneratedFileStore } from './sqlite-generated-file-store';
import { createSqliteMessageStore } from './sqlite-message-store';
import { createSqliteOpinionStore, USE_QUOTA } from './sqlite-opinion-store';
import { createSqlitePersonalDataStore } from './sqlite-personal-data-store';
import { createSqliteSuggestionStore } from './sqlite-suggestion-store';
import { createSqliteSupportStore } from './sqlite-support-store';
import { startWalCheckpointer } from './wal-checkpointer';
import {
  type AccountRow,
  accountFromRow,
  accountToRow,
  type ArrangementRow,
  arrangementFromRow,
  type AuditRow,
  auditFromRow,
  auditWriter,
  type DeputyRow,
  deputyFromRow,
  deputyToRow,
  type InviteRow,
  inviteFromRow,
  inviteToRow,
  type OverrideRow,
  overrideFromRow,
  overrideToRow,
  type StationRow,
  stationFromRow,
  stationToRow,
} from './rows';

const upsert = (table: string, columns: string[], key: string[]): string => {
  const updates = columns.filter((c) => !key.includes(c)).map((c) => `${c} = excluded.${c}`);
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})
    ON CONFLICT (${key.join(', ')}) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`;
};

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/**
 * The local store: one SQLite file, real tables and indexes, each change one transaction; the
 * reference data kept between actions as on CloudBase (server/adapters/cached-store.ts), so that
 * both run the same way.
 */
export function createSqliteStore(file: string, options: SqliteStoreOptions = {}): Store & { db: SqliteDatabase } {
  return cachedStore(createSqliteTableStore(file, options));
}

export interface SqliteStoreOptions {
  /**
   * Checkpoint the write-ahead log from a worker thread instead of in the commit that fills it
   * (wal-checkpointer.ts): what a server does; a short-lived store (a test, a script) need not.
   */
  checkpointInBackground?: boolean;
}

/** The store on the SQLite file, every answer read from it. */
export function createSqliteTableStore(file: string, options: SqliteStoreOptions = {}): Store & { db: SqliteDatabase } {
  const db = openDatabase(file);
  const checkpointer = options.checkpointInBackground && file !== ':memory:' ? startWalCheckpointer(db, file) : null;
  const writeAudit = auditWriter(db);
  const statements = {
    listStations: db.prepare('SELECT * FROM stations ORDER BY sort_order, id'),
    getStation: db.prepare('SELECT * FROM stations WHERE id = ?'),
    listAllDeputies: db.prepare('SELECT * FROM deputies ORDER BY station_id, id'),
    getDeputy: db.prepare('SELECT * FROM deputies WHERE id = ?'),
    listArrangements: db.prepare('SELECT * FROM holiday_arrangements ORDER BY year'),
    getAccount: db.prepare('SELECT * FROM accounts WHERE openid = ?'),
    listAccounts: db.prepare('SELECT * FROM accounts ORDER BY openid'),
    referenceVersions: db.prepare(
      `SELECT name, value FROM markers WHERE name IN (${placeholders(REFERENCE_DATA.length)})`,
    ),
    getAccountByDeputy: db.prepare('SELECT * FROM accounts WHERE deputy_id = ?'),
    listStaff: db.prepare("SELECT * FROM accounts WHERE station_id = ? AND role = 'staff' ORDER BY openid"),
    getInvite: db.prepare('SELECT * FROM invites WHERE code = ?'),
    listAudit: db.prepare('SELECT * FROM audit_log WHERE target_type = ? AND target_id = ? ORDER BY id'),
    claimInvite: db.prepare(
      'UPDATE invites SET used_by = ?, used_at = ? WHERE code = ? AND used_by IS NULL AND revoked_at IS NULL',
    ),
    otherAccountOfDeputy: db.prepare('SELECT 1 FROM accounts WHERE deputy_id = ? AND openid <> ?'),
    liveInvitesOfDeputy: db.prepare(
      'SELECT code FROM invites WHERE deputy_id = ? AND code <> ? AND used_by IS NULL AND revoked_at IS NULL',
    ),
    revokeInvite: db.prepare('UPDATE invites SET revoked_at = ? WHERE code = ?'),
  };
  const put = <Row extends object>(table: string, key: string[], sample: Row) =>
    db.prepare<Row>(upsert(table, Object.keys(sample), key));

  // Statements for writes are built from the row shapes so that a new column is never forgotten.
  const putStation = put<StationRow>('stations', ['id'], stationToRow(sampleStation()));
  const putDeputy = put<DeputyRow>(
    'deputies',
    ['id'],
    deputyToRow({ id: '', stationId: '', name: '', title: '', focusCategories: [], active: true, district: '' }),
  );
  const putOverride = put<OverrideRow>(
    'session_overrides',
    ['station_id', 'month'],
    overrideToRow({ stationId: '', month: '' }),
  );
  const putArrangement = put<ArrangementRow>('holiday_arrangements', ['year'], { year: 0, holidays: '', workdays: '' });
  const putAccount = put<AccountRow>('accounts', ['openid'], accountToRow({ openid: '', role: 'voter', createdAt: 0 }));
  const putInvite = put<InviteRow>(
    'invites',
    ['code'],
    inviteToRow({ code: '', role: 'deputy', stationId: '', expiresAt: 0, issuedBy: '' }),
  );
  const getMarker = db.prepare('SELECT value FROM markers WHERE name = ?');
  const useQuota = db.prepare(USE_QUOTA);
  const setMarker = db.prepare('INSERT INTO markers (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING');
  const replaceMarker = db.prepare(
    'INSERT INTO markers (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
  );

  const withAudit = <A>(write: (arg: A) => void) =>
    db.transaction((arg: A, audit: AuditEntry) => {
      write(arg);
      writeAudit(audit);
    });

  const writeStation = withAudit((s: Parameters<typeof stationToRow>[0]) => putStation.run(stationToRow(s)));
  const writeDeputy = withAudit((d: Parameters<typeof deputyToRow>[0]) => putDeputy.run(deputyToRow(d)));
  const writeOverride = withAudit((o: Parameters<typeof overrideToRow>[0]) => putOverride.run(overrideToRow(o)));
  const writeSetting = withAudit((s: { name: string; value: string }) =>
    replaceMarker.run(settingMarker(s.name), s.value),
  );
  const writeAccount = withAudit((a: Parameters<typeof accountToRow>[0]) => putAccount.run(accountToRow(a)));
  /** An invite, and for a deputy invite the revocation of that deputy's other live ones. */
  const writeInvite = db.transaction((invite: Invite, audit: AuditEntry) => {
    if (invite.deputyId) {
      const live = statements.liveInvitesOfDeputy.all(invite.deputyId, invite.code) as Array<{ code: string }>;
      for (const { code } of live) {
        statements.revokeInvite.run(audit.at, code);
        writeAudit(inviteRevocation(audit, code, invite.code));
      }
    }
    putInvite.run(inviteToRow(invite));
    writeAudit(audit);
  });
  const writeArrangement = withAudit((a: ArrangementRow) => putArrangement.run(a));

  const redeem = db.transaction((code: string, account: Account, audit: AuditEntry): RedeemOutcome => {
    // Checked before anything is written: returning (not throwing) commits what was done.
    if (account.deputyId && statements.otherAccountOfDeputy.get(account.deputyId, account.openid)) {
      return 'deputy_linked';
    }
    const claimed = statements.claimInvite.run(account.openid, account.createdAt, code).changes === 1;
    if (!claimed) return 'unavailable';
    putAccount.run(accountToRow(account));
    writeAudit(audit);
    return 'redeemed';
  });

  return {
    db,
    ...createSqliteOpinionStore(db),
    ...createSqliteFollowStore(db),
    ...createSqliteMessageStore(db),
    ...createSqliteEvaluationStore(db),
    ...createSqliteGeneratedFileStore(db),
    ...createSqlitePersonalDataStore(db),
    ...createSqliteSuggestionStore(db),
    ...createSqliteSupportStore(db),
    ...createSqliteActivityStore(db),
    listStations: async () => (statements.listStations.all() as StationRow[]).map(stationFromRow),
    getStation: async (id) => {
      const row = statements.getStation.get(id) as StationRow | undefined;
      return row ? stationFromRow(row) : null;
    },
    listDeputies: async (stationIds) => {
      if (!stationIds) return (statements.listAllDeputies.all() as DeputyRow[]).map(deputyFromRow);
      if (stationIds.length === 0) return [];
      const rows = db
        .prepare(
          `SELECT * FROM deputies WHERE station_id IN (${placeholders(stationIds.length)}) ORDER BY station_id, id`,
        )
        .all(...stationIds) as DeputyRow[];
      return rows.map(deputyFromRow);
    },
    getDeputy: async (id) => {
      const row = statements.getDeputy.get(id) as DeputyRow | undefined;
      return row ? deputyFromRow(row) : null;
    },
    listSessionOverrides: async (stationIds, fromMonth) => {
      if (stationIds.length === 0) return [];
      const rows = db
        .prepare(
          `SELECT * FROM session_overrides WHERE station_id IN (${placeholders(stationIds.length)}) AND month >= ? ORDER BY station_id, month`,
        )
        .all(...stationIds, fromMonth) as OverrideRow[];
      return rows.map(overrideFromRow);
    },
    listHolidayArrangements: async () =>
      (statements.listArrangements.all() as ArrangementRow[]).map(arrangementFromRow),
    getAccount: async (openid) => {
      const row = statements.getAccount.get(openid) as AccountRow | undefined;
      return row ? accountFromRow(row) : null;
    },
    listAccounts: async () => (statements.listAccounts.all() as AccountRow[]).map(accountFromRow),
    listStaffAccounts: async (stationId) => (statements.listStaff.all(stationId) as AccountRow[]).map(accountFromRow),
    getAccountByDeputy: async (deputyId) => {
      const row = statements.getAccountByDeputy.get(deputyId) as AccountRow | undefined;
      return row ? accountFromRow(row) : null;
    },
    getInvite: async (code) => {
      const row = statements.getInvite.get(code) as InviteRow | undefined;
      return row ? inviteFromRow(row) : null;
    },
    listAudit: async (targetType, targetId) =>
      (statements.listAudit.all(targetType, targetId) as AuditRow[]).map(auditFromRow),
    redeemInvite: async (code, account, audit) => redeem(code, account, audit),
    useQuota: async (key, max) => max > 0 && useQuota.run({ key, max }).changes === 1,
    appendAudit: async (audit) => {
      writeAudit(audit);
    },
    putStation: async (station, audit) => writeStation(station, audit),
    putDeputy: async (deputy, audit) => writeDeputy(deputy, audit),
    putSessionOverride: async (override, audit) => writeOverride(override, audit),
    putHolidayArrangement: async (a, audit) =>
      writeArrangement(
        { year: a.year, holidays: JSON.stringify(a.holidays), workdays: JSON.stringify(a.workdays) },
        audit,
      ),
    putAccount: async (account, audit) => writeAccount(account, audit),
    putInvite: async (invite, audit) => writeInvite(invite, audit),
    // Changed by the triggers of migration 16 with every write of the reference data's tables.
    referenceVersion: async () => {
      const rows = statements.referenceVersions.all(...REFERENCE_DATA.map(referenceVersionMarker)) as Array<{
        name: string;
        value: string;
      }>;
      const versions: ReferenceVersions = {};
      for (const kind of REFERENCE_DATA) {
        const row = rows.find((r) => r.name === referenceVersionMarker(kind));
        if (row) versions[kind] = row.value;
      }
      return versions;
    },
    getMarker: async (name) => (getMarker.get(name) as { value: string } | undefined)?.value ?? null,
    setMarkerOnce: async (name, value) => setMarker.run(name, value).changes === 1,
    getSetting: async (name) => (getMarker.get(settingMarker(name)) as { value: string } | undefined)?.value ?? null,
    putSetting: async (name, value, audit) => writeSetting({ name, value }, audit),
    // openDatabase applied every schema migration (migrations.ts) before this store answered.
    migrateDocuments: async () => ({ done: true, changed: 0, remaining: 0, migrations: [] }),
    close: async () => {
      await checkpointer?.stop();
      db.close();
    },
  };
}

function sampleStation(): Parameters<typeof stationToRow>[0] {
  return {
    id: '',
    name: '',
    kind: 'liaison_station',
    setting: 'village',
    address: '',
    location: { latitude: 0, longitude: 0 },
    phone: '',
    districts: [],
    receptionRule: { oddMonthDay: 1, evenMonthDay: 1, start: '', end: '' },
    sortOrder: 0,
  };
}
