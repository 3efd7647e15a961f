import type { Activity, ActivityKind, Attendance, DeputyGroup } from '../../src/domain/activity';
import type { LocalDate } from '../../src/domain/dates';

// 履职活动 and 人大小组 as the services would leave them, built by hand for the store tests:
// `anActivity({ id, date }, invited('d1', 'd2'), marked('d1', 'present'))`. Each step sets what
// it records and `updatedAt`; none checks the rules (the domain's and the services' tests do).

/** Tuesday 10 March 2026, 10:00 in Shanghai. */
export const ACT_T0 = Date.UTC(2026, 2, 10, 2, 0);

export type ActivityStep = (a: Activity) => Activity;

/** A committee 执法检查 on 2026-03-10, recorded at ACT_T0 with nobody invited, changed by `steps` in order. */
export function anActivity(fields: Partial<Activity> = {}, ...steps: ActivityStep[]): Activity {
  const recorded: Activity = {
    id: 'act-1',
    kind: 'law_enforcement_inspection',
    title: '道路交通安全法执法检查',
    date: '2026-03-10',
    place: '县交通运输局',
    scope: 'committee',
    recordedBy: 'admin-1',
    attendees: [],
    suggestionIds: [],
    opinionIds: [],
    status: 'recorded',
    corrections: [],
    version: 1,
    createdAt: ACT_T0,
    updatedAt: ACT_T0,
    ...fields,
  };
  return steps.reduce((a, step) => step(a), recorded);
}

/**
 * A deputy's own 走访选民 at their station, awaiting its staff (pending): the deputy its one
 * attendee, present.
 */
export function aVisit(
  deputyId: string,
  stationId: string,
  votersVisited: number,
  fields: Partial<Activity> = {},
  ...steps: ActivityStep[]
): Activity {
  return anActivity(
    {
      kind: 'voter_visit',
      title: '走访选民听取意见',
      place: '村委会',
      scope: 'deputy',
      stationId,
      recordedBy: `openid-of-${deputyId}`,
      attendees: [{ deputyId, attendance: 'present' }],
      votersVisited,
      status: 'pending',
      ...fields,
    },
    ...steps,
  );
}

/** The same activity one change later: the next version, with `fields` changed. */
export const changedActivity = (a: Activity, fields: Partial<Activity> = {}): Activity => ({
  ...a,
  ...fields,
  version: a.version + 1,
});

/** Of a 人大小组: scope group. */
export const ofGroup =
  (groupId: string): ActivityStep =>
  (a) => ({ ...a, scope: 'group', groupId });

/** These deputies invited, not yet marked (待登记). */
export const invited =
  (...deputyIds: string[]): ActivityStep =>
  (a) => ({
    ...a,
    attendees: [...a.attendees, ...deputyIds.map((deputyId) => ({ deputyId, attendance: 'invited' as const }))],
  });

/** A deputy's attendance marked (a leave with its reason). */
export const marked =
  (deputyId: string, attendance: Exclude<Attendance, 'invited'>, leaveReason?: string): ActivityStep =>
  (a) => ({
    ...a,
    attendees: a.attendees.map((x) =>
      x.deputyId === deputyId ? { deputyId, attendance, ...(leaveReason ? { leaveReason } : {}) } : x,
    ),
  });

/** A mark already made changed, with the reason, as a correction. */
export const corrected =
  (deputyId: string, to: Exclude<Attendance, 'invited'>, reason: string, at: number): ActivityStep =>
  (a) => {
    const from = a.attendees.find((x) => x.deputyId === deputyId)?.attendance ?? 'invited';
    return {
      ...marked(deputyId, to)(a),
      corrections: [...a.corrections, { deputyId, from, to, reason, at, by: 'admin-1' }],
      updatedAt: at,
    };
  };

/** Station staff confirmed a deputy's visit: it counts now. */
export const confirmed =
  (by: string, at: number, note = '已核实'): ActivityStep =>
  (a) => ({ ...a, status: 'confirmed', review: { by, at, note }, updatedAt: at });

/** Station staff did not confirm it: it never counts. */
export const rejected =
  (by: string, at: number, note = '未能核实'): ActivityStep =>
  (a) => ({ ...a, status: 'rejected', review: { by, at, note }, updatedAt: at });

/** What came of it: the problems raised, the 建议 and opinions it produced, what it follows up. */
export const withOutcome =
  (outcome: string, links: Partial<Pick<Activity, 'suggestionIds' | 'opinionIds' | 'followsActivityId'>> = {}) =>
  (a: Activity): Activity => ({ ...a, outcome, ...links });

/** A 人大小组 of `members`, the first its 组长. */
export function aGroup(id: string, members: string[], fields: Partial<DeputyGroup> = {}): DeputyGroup {
  return {
    id,
    name: '第一人大小组',
    area: '城西片区',
    memberDeputyIds: members,
    ...(members[0] ? { leaderDeputyId: members[0] } : {}),
    sortOrder: 1,
    ...fields,
  };
}

/** Shorthand for an activity's kind and date. */
export const on =
  (date: LocalDate, kind?: ActivityKind): ActivityStep =>
  (a) => ({ ...a, date, ...(kind ? { kind } : {}) });
