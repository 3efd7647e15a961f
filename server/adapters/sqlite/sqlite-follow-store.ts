import type { SessionOverride } from '../../../src/domain/reception-calendar';
import type { FollowStore } from '../../ports/follow-store';
import type { OutboxMessage } from '../../ports/opinion-store';
import type { AuditEntry } from '../../ports/store-types';
import type { SqliteDatabase } from './database';
import { auditWriter, overrideToRow } from './rows';

/** Station follows, session changes and deduplicated reminders on SQLite. */
export function createSqliteFollowStore(db: SqliteDatabase): FollowStore {
  const follow = db.prepare('INSERT OR IGNORE INTO station_follows (openid, station_id, since) VALUES (?, ?, ?)');
  const unfollow = db.prepare('DELETE FROM station_follows WHERE openid = ? AND station_id = ?');
  const isFollowing = db.prepare('SELECT 1 FROM station_follows WHERE openid = ? AND station_id = ?');
  const followers = db.prepare('SELECT openid FROM station_follows WHERE station_id = ? ORDER BY openid');
  const putOverride = db.prepare(
    `INSERT INTO session_overrides (station_id, month, cancelled, moved_to, reason, theme, deputy_ids, start_time, end_time)
     VALUES (@station_id, @month, @cancelled, @moved_to, @reason, @theme, @deputy_ids, @start_time, @end_time)
     ON CONFLICT (station_id, month) DO UPDATE SET cancelled = excluded.cancelled, moved_to = excluded.moved_to,
       reason = excluded.reason, theme = excluded.theme, deputy_ids = excluded.deputy_ids,
       start_time = excluded.start_time, end_time = excluded.end_time`,
  );
  const writeAudit = auditWriter(db);
  const enqueue = db.prepare(
    `INSERT INTO outbox (kind, recipient_openid, opinion_id, payload, created_at, status, attempts, next_attempt_at, dedupe_key)
     VALUES (@kind, @recipientOpenid, @subjectId, @payload, @createdAt, @status, @attempts, @nextAttemptAt, @dedupeKey)
     ON CONFLICT DO NOTHING`,
  );
  const row = (m: OutboxMessage & { dedupeKey?: string }) => ({
    ...m,
    payload: JSON.stringify(m.payload),
    dedupeKey: m.dedupeKey ?? null,
  });

  const change = db.transaction((override: SessionOverride, audit: AuditEntry, notices: readonly OutboxMessage[]) => {
    putOverride.run(overrideToRow(override));
    writeAudit(audit);
    for (const m of notices) enqueue.run(row(m));
  });
  const enqueueAll = db.transaction((messages: ReadonlyArray<OutboxMessage & { dedupeKey: string }>) => {
    let added = 0;
    for (const m of messages) added += enqueue.run(row(m)).changes;
    return added;
  });

  return {
    setFollow: async (openid, stationId, on, at) => {
      if (on) follow.run(openid, stationId, at);
      else unfollow.run(openid, stationId);
    },
    isFollowing: async (openid, stationId) => isFollowing.get(openid, stationId) !== undefined,
    listFollowers: async (stationId) => (followers.all(stationId) as Array<{ openid: string }>).map((r) => r.openid),
    changeSession: async (override, audit, notices) => change(override, audit, notices),
    enqueueOnce: async (messages) => enqueueAll(messages),
  };
}
