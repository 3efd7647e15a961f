import type { ActivityStore } from '../../ports/activity-store';
import type { SqliteDatabase } from './database';

type ActivityFigures = Pick<
  ActivityStore,
  'countActivitiesByKind' | 'countActivitiesByGroup' | 'countAttendance' | 'countVotersVisited'
>;

// Each a GROUP BY over the period's entries of one partial index of migration 15 (`counts = 1`:
// only activities that count), never the JSON. Dates are Shanghai days, 'YYYY-MM-DD', compared
// as text; both ends are in the period.
const PERIOD = 'counts = 1 AND date >= ? AND date <= ?';

const BY_KIND = `SELECT kind, COUNT(*) AS count FROM activities WHERE ${PERIOD} GROUP BY kind ORDER BY kind`;

const BY_KIND_OF_GROUP = `SELECT kind, COUNT(*) AS count FROM activities WHERE ${PERIOD} AND group_id = ?
  GROUP BY kind ORDER BY kind`;

const BY_GROUP = `SELECT group_id AS groupId, COUNT(*) AS activities, COALESCE(SUM(voters_visited), 0) AS votersVisited
  FROM activities WHERE ${PERIOD} AND group_id IS NOT NULL GROUP BY group_id ORDER BY group_id`;

const attendance = (deputies: string) => `SELECT deputy_id AS deputyId, kind, attendance, COUNT(*) AS count
  FROM activity_attendees WHERE ${PERIOD}${deputies} GROUP BY deputy_id, kind, attendance
  ORDER BY deputy_id, kind, attendance`;

const ATTENDANCE = attendance('');

/** Of the deputies given, `n` of them (one placeholder each, after the period's two). */
const attendanceOf = (n: number) =>
  attendance(` AND deputy_id IN (${Array.from({ length: n }, () => '?').join(', ')})`);

// voters_visited is set on 走访选民 only (activity-schemas.ts refuses it on other kinds).
const VOTERS_TOTAL = `SELECT COALESCE(SUM(voters_visited), 0) AS total FROM activities
  WHERE ${PERIOD} AND voters_visited IS NOT NULL`;

const VOTERS_BY_DEPUTY = `SELECT deputy_id AS deputyId, SUM(voters_visited) AS voters FROM activity_attendees
  WHERE ${PERIOD} AND attendance = 'present' AND voters_visited IS NOT NULL GROUP BY deputy_id ORDER BY deputy_id`;

/** The SQL of each count; each takes the period [from, to] (inclusive dates) as its first two parameters. */
export const ACTIVITY_COUNTS_SQL = {
  BY_KIND,
  BY_KIND_OF_GROUP,
  BY_GROUP,
  ATTENDANCE,
  attendanceOf,
  VOTERS_TOTAL,
  VOTERS_BY_DEPUTY,
};

/** The 履职 figures on SQLite: counted by the database over `activities` and `activity_attendees`. */
export function createSqliteActivityFigures(db: SqliteDatabase): ActivityFigures {
  const byKind = db.prepare(BY_KIND);
  const byKindOfGroup = db.prepare(BY_KIND_OF_GROUP);
  const byGroup = db.prepare(BY_GROUP);
  const allAttendance = db.prepare(ATTENDANCE);
  const votersTotal = db.prepare(VOTERS_TOTAL);
  const votersByDeputy = db.prepare(VOTERS_BY_DEPUTY);
  type Rows<K extends keyof ActivityFigures> = Awaited<ReturnType<ActivityFigures[K]>>;
  return {
    countActivitiesByKind: async (from, to, groupId) =>
      (groupId === undefined
        ? byKind.all(from, to)
        : byKindOfGroup.all(from, to, groupId)) as Rows<'countActivitiesByKind'>,
    countActivitiesByGroup: async (from, to) => byGroup.all(from, to) as Rows<'countActivitiesByGroup'>,
    countAttendance: async (from, to, deputyIds) => {
      if (deputyIds === undefined) return allAttendance.all(from, to) as Rows<'countAttendance'>;
      const ids = [...new Set(deputyIds)];
      if (ids.length === 0) return [];
      return db.prepare(attendanceOf(ids.length)).all(from, to, ...ids) as Rows<'countAttendance'>;
    },
    countVotersVisited: async (from, to) => ({
      total: (votersTotal.get(from, to) as { total: number }).total,
      byDeputy: votersByDeputy.all(from, to) as Rows<'countVotersVisited'>['byDeputy'],
    }),
  };
}
