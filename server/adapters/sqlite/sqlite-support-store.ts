import type { TimelineEvent } from '../../../src/domain/opinion';
import type { AuditEntry } from '../../ports/store-types';
import type { OpinionSupport, SupportOutcome, SupportStore } from '../../ports/support-store';
import { decodeCursor, encodeCursor } from '../cursor';
import type { SqliteDatabase } from './database';
import { auditWriter, INSERT_EVENT, INSERT_SUPPORT } from './rows';
import { OPINION_COLUMNS, opinionFromRow } from './sqlite-opinion-store';

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** 附议 on SQLite: the opinion_supports table (migration 13), each write one transaction. */
export function createSqliteSupportStore(db: SqliteDatabase): SupportStore {
  const writeAudit = auditWriter(db);
  const insert = db.prepare(INSERT_SUPPORT);
  const exists = db.prepare('SELECT 1 FROM opinion_supports WHERE opinion_id = ? AND openid = ?');
  const version = db.prepare('SELECT version FROM opinions WHERE id = ?');
  const insertEvent = db.prepare(INSERT_EVENT);
  const supporters = db.prepare(
    'SELECT opinion_id, openid, at FROM opinion_supports WHERE opinion_id = ? ORDER BY at, openid LIMIT ?',
  );

  const add = db.transaction(
    (support: OpinionSupport, expected: number, line: TimelineEvent, audit: AuditEntry): SupportOutcome => {
      if (exists.get(support.opinionId, support.openid)) return 'already';
      const row = version.get(support.opinionId) as { version: number } | undefined;
      if (!row || row.version !== expected) return 'changed';
      insert.run(support.opinionId, support.openid, support.at);
      insertEvent.run(line);
      writeAudit(audit);
      return 'added';
    },
  );

  return {
    addSupport: async (support, expected, line, audit) => add(support, expected, line, audit),
    isSupporting: async (opinionId, openid) => exists.get(opinionId, openid) !== undefined,
    countSupports: async (ids) => {
      if (ids.length === 0) return new Map();
      const rows = db
        .prepare(
          `SELECT opinion_id AS id, COUNT(*) AS n FROM opinion_supports
           WHERE opinion_id IN (${placeholders(ids.length)}) GROUP BY opinion_id`,
        )
        .all(...ids) as Array<{ id: string; n: number }>;
      return new Map(rows.map((r) => [r.id, r.n]));
    },
    listSupportedAmong: async (openid, ids) => {
      if (ids.length === 0) return new Set();
      const rows = db
        .prepare(
          `SELECT opinion_id AS id FROM opinion_supports WHERE openid = ? AND opinion_id IN (${placeholders(ids.length)})`,
        )
        .all(openid, ...ids) as Array<{ id: string }>;
      return new Set(rows.map((r) => r.id));
    },
    listSupporters: async (opinionId, limit) =>
      (supporters.all(opinionId, limit) as Array<{ opinion_id: string; openid: string; at: number }>).map((r) => ({
        opinionId: r.opinion_id,
        openid: r.openid,
        at: r.at,
      })),
    listSupportedOpinions: async (openid, cursor, limit) => {
      const after = cursor ? decodeCursor(cursor) : null;
      const rows = db
        .prepare(
          `SELECT s.at AS at, ${OPINION_COLUMNS('o')} FROM opinion_supports s JOIN opinions o ON o.id = s.opinion_id
           WHERE s.openid = ? ${after ? 'AND (s.at < ? OR (s.at = ? AND s.opinion_id < ?))' : ''}
           ORDER BY s.at DESC, s.opinion_id DESC LIMIT ?`,
        )
        .all(openid, ...(after ? [after.createdAt, after.createdAt, after.id] : []), limit + 1) as Array<{
        at: number;
        doc: string;
        support_count: number;
      }>;
      const page = rows.slice(0, limit);
      const items = page.map(opinionFromRow);
      const last = page[page.length - 1];
      const lastId = items[items.length - 1]?.id;
      return {
        items,
        nextCursor: rows.length > limit && last && lastId ? encodeCursor({ createdAt: last.at, id: lastId }) : null,
      };
    },
    listOpinionsOfCategory: async (stationId, category, statuses, limit) => {
      if (statuses.length === 0) return [];
      // Found by opinions_station_category (station, category, status) and then sorted: walking
      // the station's newest-first index instead would read every opinion of the station when
      // few are open. The unary + keeps the planner off that index.
      const rows = db
        .prepare(
          `SELECT ${OPINION_COLUMNS()} FROM opinions WHERE station_id = ? AND category = ? AND status IN (${placeholders(statuses.length)})
           ORDER BY +created_at DESC, +id DESC LIMIT ?`,
        )
        .all(stationId, category, ...statuses, limit) as Array<{ doc: string; support_count: number }>;
      return rows.map(opinionFromRow);
    },
  };
}
