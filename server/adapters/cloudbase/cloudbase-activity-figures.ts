import type { ActivityKind, Attendance } from '../../../src/domain/activity';
import type { LocalDate } from '../../../src/domain/dates';
import type { ActivityStore } from '../../ports/activity-store';
import { aggregateAll } from './documents';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's aggregate builder is untyped */
type Db = any;
type Row = Record<string, unknown>;

type ActivityFigures = Pick<
  ActivityStore,
  'countActivitiesByKind' | 'countActivitiesByGroup' | 'countAttendance' | 'countVotersVisited'
>;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The 履职 figures on CloudBase: each an aggregate over the activity documents
 * (cloudbase-activity-store.ts) that `match`es the activities that count (`counts`) in the
 * period by its index, `$unwind`s the attendees where the count is by deputy, and `group`s with
 * `$sum`, so CloudBase adds the documents up. The groups are read a page at a time: deputies ×
 * kinds × attendances may pass the 1,000 results an aggregation returns.
 */
export function createCloudbaseActivityFigures(db: Db): ActivityFigures {
  const _ = db.command;
  const $ = _.aggregate;
  /** Activities that count with a date in [from, to]: dates are 'YYYY-MM-DD' text, both ends in. */
  const counting = (from: LocalDate, to: LocalDate) => ({ counts: true, date: _.gte(from).and(_.lte(to)) });
  const groups = (pipeline: (aggregate: any) => any, order: Record<string, 1>): Promise<Row[]> =>
    aggregateAll(db, 'activities', pipeline, order);
  // votersVisited is set on 走访选民 only (activity-schemas.ts refuses it on other kinds).
  const visits = (from: LocalDate, to: LocalDate) => ({ ...counting(from, to), votersVisited: _.neq(null) });

  return {
    countActivitiesByKind: async (from, to, groupId) => {
      const where = groupId === undefined ? counting(from, to) : { ...counting(from, to), groupId };
      const rows = await groups((a) => a.match(where).group({ _id: '$kind', count: $.sum(1) }), { _id: 1 });
      return rows
        .map((r) => ({ kind: r._id as ActivityKind, count: Number(r.count) }))
        .sort((a, b) => byText(a.kind, b.kind));
    },
    countActivitiesByGroup: async (from, to) => {
      const rows = await groups(
        (a) =>
          a
            .match({ ...counting(from, to), groupId: _.exists(true) })
            .group({ _id: '$groupId', activities: $.sum(1), votersVisited: $.sum('$votersVisited') }),
        { _id: 1 },
      );
      return rows
        .filter((r) => typeof r._id === 'string')
        .map((r) => ({
          groupId: r._id as string,
          activities: Number(r.activities),
          votersVisited: Number(r.votersVisited ?? 0),
        }))
        .sort((a, b) => byText(a.groupId, b.groupId));
    },
    countAttendance: async (from, to, deputyIds) => {
      const ids = deputyIds === undefined ? undefined : [...new Set(deputyIds)];
      if (ids?.length === 0) return [];
      const rows = await groups(
        (a) => {
          const invited = ids ? { attendeeIds: _.in(ids) } : {};
          const unwound = a.match({ ...counting(from, to), ...invited }).unwind('$attendees');
          return (ids ? unwound.match({ 'attendees.deputyId': _.in(ids) }) : unwound).group({
            _id: { deputyId: '$attendees.deputyId', kind: '$kind', attendance: '$attendees.attendance' },
            count: $.sum(1),
          });
        },
        { '_id.deputyId': 1, '_id.kind': 1, '_id.attendance': 1 },
      );
      return rows
        .map((r) => {
          const key = r._id as { deputyId: string; kind: ActivityKind; attendance: Attendance };
          return { deputyId: key.deputyId, kind: key.kind, attendance: key.attendance, count: Number(r.count) };
        })
        .sort((a, b) => byText(a.deputyId, b.deputyId) || byText(a.kind, b.kind) || byText(a.attendance, b.attendance));
    },
    countVotersVisited: async (from, to) => {
      const [total] = await groups(
        (a) => a.match(visits(from, to)).group({ _id: null, total: $.sum('$votersVisited') }),
        { _id: 1 },
      );
      const byDeputy = await groups(
        (a) =>
          a
            .match(visits(from, to))
            .unwind('$attendees')
            .match({ 'attendees.attendance': 'present' })
            .group({ _id: '$attendees.deputyId', voters: $.sum('$votersVisited') }),
        { _id: 1 },
      );
      return {
        total: Number(total?.total ?? 0),
        byDeputy: byDeputy
          .map((r) => ({ deputyId: String(r._id), voters: Number(r.voters) }))
          .sort((a, b) => byText(a.deputyId, b.deputyId)),
      };
    },
  };
}
