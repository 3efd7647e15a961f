import { type Activity, activityCounts, type DeputyGroup } from '../../../src/domain/activity';
import type { ActivityStore } from '../../ports/activity-store';
import type { AuditEntry } from '../../ports/store-types';
import { decodeDateCursor, encodeDateCursor } from '../cursor';
import type { SqliteDatabase } from './database';
import { auditWriter } from './rows';
import { createSqliteActivityFigures } from './sqlite-activity-figures';

/** An activity as a row of `activities` (migration 15): the JSON and its facts as columns. */
export const activityRow = (a: Activity) => ({
  id: a.id,
  doc: JSON.stringify(a),
  version: a.version,
  kind: a.kind,
  date: a.date,
  scope: a.scope,
  group_id: a.groupId ?? null,
  station_id: a.stationId ?? null,
  status: a.status,
  counts: activityCounts(a) ? 1 : 0,
  voters_visited: a.votersVisited ?? null,
  updated_at: a.updatedAt,
});

type ActivityRow = ReturnType<typeof activityRow>;

// Every column of the row, each once: the statements below are written from this list.
const ROW_COLUMNS: Record<keyof ActivityRow, true> = {
  id: true,
  doc: true,
  version: true,
  kind: true,
  date: true,
  scope: true,
  group_id: true,
  station_id: true,
  status: true,
  counts: true,
  voters_visited: true,
  updated_at: true,
};
const COLUMNS = Object.keys(ROW_COLUMNS);

function parse<T>(row: unknown): T | null {
  return row ? (JSON.parse((row as { doc: string }).doc) as T) : null;
}

/**
 * 人大小组 and 履职活动 on SQLite. An activity is one row, its facts in columns and its
 * attendees in `activity_attendees` (each with the facts the counts need), all rewritten in the
 * transaction that writes it, with its audit line.
 */
export function createSqliteActivityStore(db: SqliteDatabase): ActivityStore {
  const writeAudit = auditWriter(db);
  const listGroups = db.prepare('SELECT doc FROM deputy_groups ORDER BY sort_order, id');
  const putGroup = db.prepare(
    `INSERT INTO deputy_groups (id, doc, sort_order) VALUES (@id, @doc, @sort_order)
     ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, sort_order = excluded.sort_order`,
  );
  const byId = db.prepare('SELECT doc FROM activities WHERE id = ?');
  const insertRow = db.prepare(
    `INSERT INTO activities (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`,
  );
  const updateRow = db.prepare(
    `UPDATE activities SET ${COLUMNS.filter((c) => c !== 'id')
      .map((c) => `${c} = @${c}`)
      .join(', ')} WHERE id = @id AND version = @expected`,
  );
  const clearAttendees = db.prepare('DELETE FROM activity_attendees WHERE activity_id = ?');
  const insertAttendee = db.prepare(
    `INSERT INTO activity_attendees (activity_id, deputy_id, attendance, kind, date, counts, voters_visited)
     VALUES (@activity_id, @deputy_id, @attendance, @kind, @date, @counts, @voters_visited)`,
  );

  /** The attendee rows of an activity, as it now has them. */
  const writeAttendees = (row: ActivityRow, a: Activity) => {
    clearAttendees.run(a.id);
    const { kind, date, counts, voters_visited } = row;
    for (const attendee of a.attendees) {
      insertAttendee.run({
        activity_id: a.id,
        deputy_id: attendee.deputyId,
        attendance: attendee.attendance,
        kind,
        date,
        counts,
        voters_visited,
      });
    }
  };

  const writeGroup = db.transaction((group: DeputyGroup, audit: AuditEntry) => {
    putGroup.run({ id: group.id, doc: JSON.stringify(group), sort_order: group.sortOrder });
    writeAudit(audit);
  });
  const create = db.transaction((a: Activity, audit: AuditEntry) => {
    const row = activityRow(a);
    insertRow.run(row);
    writeAttendees(row, a);
    writeAudit(audit);
  });
  const update = db.transaction((a: Activity, expected: number, audit: AuditEntry) => {
    const row = activityRow(a);
    if (updateRow.run({ ...row, expected }).changes === 0) return false;
    writeAttendees(row, a);
    writeAudit(audit);
    return true;
  });

  return {
    listGroups: async () => listGroups.all().map((r) => parse<DeputyGroup>(r) as DeputyGroup),
    putGroup: async (group, audit) => writeGroup(group, audit),
    getActivity: async (activityId) => parse<Activity>(byId.get(activityId)),
    createActivity: async (activity, audit) => create(activity, audit),
    updateActivity: async (next, expectedVersion, audit) => update(next, expectedVersion, audit),
    listActivities: async (query) => {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (clause: string, ...values: unknown[]) => {
        where.push(clause);
        params.push(...values);
      };
      if (query.fromDate !== undefined) add('date >= ?', query.fromDate);
      if (query.toDate !== undefined) add('date <= ?', query.toDate);
      if (query.kind !== undefined) add('kind = ?', query.kind);
      if (query.groupId !== undefined) add('group_id = ?', query.groupId);
      if (query.stationId !== undefined) add('station_id = ?', query.stationId);
      if (query.deputyId !== undefined) {
        add('id IN (SELECT activity_id FROM activity_attendees WHERE deputy_id = ?)', query.deputyId);
      }
      if (query.statuses) {
        if (query.statuses.length === 0) return { items: [] };
        add(`status IN (${query.statuses.map(() => '?').join(', ')})`, ...query.statuses);
      }
      const after = query.cursor ? decodeDateCursor(query.cursor) : null;
      if (after) add('(date < ? OR (date = ? AND id < ?))', after.date, after.date, after.id);
      const sql = `SELECT doc FROM activities ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY date DESC, id DESC LIMIT ?`;
      const rows = db.prepare(sql).all(...params, query.limit + 1);
      const items = rows.slice(0, query.limit).map((r) => parse<Activity>(r) as Activity);
      const last = items[items.length - 1];
      return rows.length > query.limit && last ? { items, cursor: encodeDateCursor(last) } : { items };
    },
    ...createSqliteActivityFigures(db),
  };
}
