import type { ErasedRecords, PersonalDataStore } from '../../ports/personal-data-store';
import type { AuditEntry } from '../../ports/store-types';
import type { SqliteDatabase } from './database';
import { auditWriter } from './rows';
import { OPINION_COLUMNS, opinionFromRow } from './sqlite-opinion-store';

/** Contacts past their retention, and a voter's own records beside their opinions, on SQLite. */
export function createSqlitePersonalDataStore(db: SqliteDatabase): PersonalDataStore {
  const endedBefore = db.prepare(
    `SELECT ${OPINION_COLUMNS()} FROM opinions WHERE contact_ended_at < ? ORDER BY contact_ended_at, id LIMIT ?`,
  );
  const deletions = {
    follows: db.prepare('DELETE FROM station_follows WHERE openid = ?'),
    messages: db.prepare('DELETE FROM outbox WHERE recipient_openid = ?'),
    subscriptions: db.prepare('DELETE FROM subscription_credits WHERE openid = ?'),
    readMarks: db.prepare('DELETE FROM message_reads WHERE openid = ?'),
    districts: db.prepare('DELETE FROM voter_districts WHERE openid = ?'),
    supports: db.prepare('DELETE FROM opinion_supports WHERE openid = ?'),
  };
  const writeAudit = auditWriter(db);
  const erase = db.transaction((openid: string, audit: AuditEntry): ErasedRecords => {
    const counts = {
      follows: deletions.follows.run(openid).changes,
      messages: deletions.messages.run(openid).changes,
      subscriptions: deletions.subscriptions.run(openid).changes,
      readMarks: deletions.readMarks.run(openid).changes,
      districts: deletions.districts.run(openid).changes,
      supports: deletions.supports.run(openid).changes,
    };
    writeAudit({ ...audit, detail: { ...audit.detail, ...counts } });
    return counts;
  });
  return {
    listContactsEndedBefore: async (before, limit) =>
      (endedBefore.all(before, limit) as Array<{ doc: string; support_count: number }>).map(opinionFromRow),
    eraseVoterRecords: async (openid, audit) => erase(openid, audit),
  };
}
