import type { Activity, ActivityKind, ActivityStatus, Attendance, DeputyGroup } from '../../src/domain/activity';
import type { LocalDate } from '../../src/domain/dates';
import type { AuditEntry } from './store-types';

/** Which activities to list: a period of dates, a kind, a group, a deputy invited, a station's pending visits. */
export interface ActivityQuery {
  fromDate?: LocalDate;
  toDate?: LocalDate;
  kind?: ActivityKind;
  groupId?: string;
  /** Activities this deputy was invited to (or recorded as their own visit). */
  deputyId?: string;
  /** Deputies' own visits of this station … */
  stationId?: string;
  /** … in these statuses (e.g. pending, for staff to confirm). */
  statuses?: readonly ActivityStatus[];
  limit: number;
  cursor?: string;
}

export interface ActivityPage {
  items: Activity[];
  cursor?: string;
}

/**
 * 人大小组 and 履职活动. An activity is one document written whole under a version check; the
 * stores keep its attendees beside it (rows, or an array field) so that the counts are made by
 * the database. Every count takes only activities that count (`activityCounts`: recorded, or a
 * deputy's visit staff confirmed) with a date in [from, to] (inclusive, Shanghai days).
 */
export interface ActivityStore {
  /** Every group, in `sortOrder`. */
  listGroups(): Promise<DeputyGroup[]>;
  putGroup(group: DeputyGroup, audit: AuditEntry): Promise<void>;

  getActivity(activityId: string): Promise<Activity | null>;
  /** Save a new activity (version 1) with its audit line, in one transaction. */
  createActivity(activity: Activity, audit: AuditEntry): Promise<void>;
  /**
   * Replace an activity if its stored version is still `expectedVersion` (the new one carries
   * expectedVersion + 1), with its audit line; false, and nothing written, when another change came first.
   */
  updateActivity(next: Activity, expectedVersion: number, audit: AuditEntry): Promise<boolean>;
  /** Latest date first (then id); all statuses unless `statuses` is given. */
  listActivities(query: ActivityQuery): Promise<ActivityPage>;

  /** Activities that count, by kind (in kind order); of one group when `groupId` is given. */
  countActivitiesByKind(
    from: LocalDate,
    to: LocalDate,
    groupId?: string,
  ): Promise<Array<{ kind: ActivityKind; count: number }>>;
  /** Activities that count and the voters their visits met, per group, by groupId (activities without a group left out). */
  countActivitiesByGroup(
    from: LocalDate,
    to: LocalDate,
  ): Promise<Array<{ groupId: string; activities: number; votersVisited: number }>>;
  /**
   * Per deputy, kind and attendance (in that order), the activities that count they were invited
   * to (all deputies when omitted).
   */
  countAttendance(
    from: LocalDate,
    to: LocalDate,
    deputyIds?: readonly string[],
  ): Promise<Array<{ deputyId: string; kind: ActivityKind; attendance: Attendance; count: number }>>;
  /** The voters met by visits that count: in all, and per deputy present at them, by deputyId. */
  countVotersVisited(
    from: LocalDate,
    to: LocalDate,
  ): Promise<{ total: number; byDeputy: Array<{ deputyId: string; voters: number }> }>;
}
