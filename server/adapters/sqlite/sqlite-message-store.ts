import type { MessageStore } from '../../ports/message-store';
import { decodeCursor, encodeCursor } from '../cursor';
import type { AuditEntry } from '../../ports/store-types';
import type { SqliteDatabase } from './database';
import { auditWriter } from './rows';
import { fromOutboxRow, type OutboxRow } from './sqlite-opinion-store';

/** A person's messages and subscription acceptances on SQLite (outbox_recipient, subscription_credits). */
export function createSqliteMessageStore(db: SqliteDatabase): MessageStore {
  const firstPage = db.prepare(
    'SELECT * FROM outbox WHERE recipient_openid = ? ORDER BY created_at DESC, id DESC LIMIT ?',
  );
  const nextPage = db.prepare(
    `SELECT * FROM outbox WHERE recipient_openid = @openid
       AND (created_at < @at OR (created_at = @at AND id < @id))
     ORDER BY created_at DESC, id DESC LIMIT @limit`,
  );
  const countSince = db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE recipient_openid = ? AND created_at > ?');
  const readAt = db.prepare('SELECT read_at FROM message_reads WHERE openid = ?');
  const setReadAt = db.prepare(
    `INSERT INTO message_reads (openid, read_at) VALUES (?, ?)
     ON CONFLICT (openid) DO UPDATE SET read_at = MAX(read_at, excluded.read_at)`,
  );
  const grant = db.prepare(
    `INSERT INTO subscription_credits (openid, template_id, credits) VALUES (@openid, @templateId, 1)
     ON CONFLICT (openid, template_id) DO UPDATE SET credits = MIN(credits + 1, @max)`,
  );
  const spend = db.prepare(
    'UPDATE subscription_credits SET credits = credits - 1 WHERE openid = ? AND template_id = ? AND credits > 0',
  );
  const refund = db.prepare(
    `INSERT INTO subscription_credits (openid, template_id, credits) VALUES (?, ?, 1)
     ON CONFLICT (openid, template_id) DO UPDATE SET credits = credits + 1`,
  );
  const credits = db.prepare('SELECT template_id, credits FROM subscription_credits WHERE openid = ?');
  const writeAudit = auditWriter(db);
  const held = (openid: string) =>
    Object.fromEntries(
      (credits.all(openid) as Array<{ template_id: string; credits: number }>).map((r) => [r.template_id, r.credits]),
    );
  const grantAll = db.transaction((openid: string, templateIds: readonly string[], max: number, audit: AuditEntry) => {
    for (const templateId of new Set(templateIds)) grant.run({ openid, templateId, max });
    writeAudit(audit);
    return held(openid);
  });

  return {
    listMessages: async (openid, cursor, limit) => {
      const after = cursor ? decodeCursor(cursor) : null;
      const rows = (
        after
          ? nextPage.all({ openid, at: after.createdAt, id: Number(after.id), limit: limit + 1 })
          : firstPage.all(openid, limit + 1)
      ) as OutboxRow[];
      const items = rows.slice(0, limit).map(fromOutboxRow);
      const last = items[items.length - 1];
      return {
        items,
        nextCursor:
          rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: String(last.id) }) : null,
      };
    },
    countMessagesSince: async (openid, since) => (countSince.get(openid, since) as { n: number }).n,
    getMessagesReadAt: async (openid) => (readAt.get(openid) as { read_at: number } | undefined)?.read_at ?? 0,
    setMessagesReadAt: async (openid, at) => {
      setReadAt.run(openid, at);
    },
    grantSubscriptions: async (openid, templateIds, max, audit) => grantAll(openid, templateIds, max, audit),
    spendSubscription: async (openid, templateId) => spend.run(openid, templateId).changes === 1,
    refundSubscription: async (openid, templateId) => {
      refund.run(openid, templateId);
    },
    listSubscriptions: async (openid) => held(openid),
  };
}
