import type { AuditEntry } from '../ports/store-types';
import type { Activity, DeputyGroup } from '../../src/domain/activity';
import { AppError } from '../../src/domain/errors';
import type { ActivityPermissions } from '../../src/domain/activity-views';
import { actorOf, type Actor } from './actor';
import type { ServiceContext } from './context';

/** 履职 is the casework side's: deputies, station staff and the committee. Units and voters are refused. */
export async function activityActor(ctx: ServiceContext): Promise<Actor> {
  const actor = await actorOf(ctx);
  if (actor.role !== 'deputy' && actor.role !== 'staff' && actor.role !== 'admin') {
    throw new AppError('FORBIDDEN', '履职活动只对人大代表、联络站工作人员和人大工委开放');
  }
  return actor;
}

/** The group the caller leads as 组长 (a deputy leads at most the one group they belong to). */
export function groupLedBy(actor: Actor, groups: readonly DeputyGroup[]): DeputyGroup | undefined {
  if (actor.role !== 'deputy' || !actor.deputyId) return undefined;
  return groups.find((g) => g.leaderDeputyId === actor.deputyId);
}

/** Whether the caller leads the group the activity belongs to. */
export function leadsGroupOf(actor: Actor, a: Pick<Activity, 'groupId'>, groups: readonly DeputyGroup[]): boolean {
  return a.groupId !== undefined && groupLedBy(actor, groups)?.id === a.groupId;
}

/**
 * Who sees an activity: the committee all; staff every activity except deputies' visits of other
 * stations that do not count (pending or not confirmed: those are for their own station's staff);
 * a deputy the activities they were invited to, their own visits, and, as 组长, everything of
 * their group (its activities and its members' visits).
 */
export function canSeeActivity(actor: Actor, a: Activity, groups: readonly DeputyGroup[]): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'staff':
      return a.scope !== 'deputy' || a.status === 'confirmed' || a.stationId === actor.stationId;
    case 'deputy':
      return (
        a.attendees.some((x) => x.deputyId === actor.deputyId) ||
        a.recordedBy === actor.openid ||
        leadsGroupOf(actor, a, groups)
      );
    default:
      return false;
  }
}

/** Load an activity the caller may see, or NOT_FOUND (its existence is not revealed). */
export async function visibleActivity(
  ctx: ServiceContext,
  actor: Actor,
  activityId: string,
  groups: readonly DeputyGroup[],
): Promise<Activity> {
  const activity = await ctx.store.getActivity(activityId);
  if (!activity || !canSeeActivity(actor, activity, groups)) throw new AppError('NOT_FOUND', '没有找到这项活动');
  return activity;
}

/**
 * Whose leave reason the caller may read: the committee's, the 组长's for their group's
 * activities, and a deputy's own. Everyone else (staff, other deputies) sees only 请假.
 */
export function seesLeaveReasonOf(
  actor: Actor,
  a: Activity,
  groups: readonly DeputyGroup[],
  deputyId: string,
): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'deputy') return false;
  return actor.deputyId === deputyId || (a.scope === 'group' && leadsGroupOf(actor, a, groups));
}

/**
 * What the caller may do: mark attendance of a committee or group activity (the committee; for a
 * group's, its 组长 too) — a deputy's own visit has only its deputy, present; confirm a pending
 * visit (staff of its station, or the committee); take down opinions raised on a visit (its own
 * deputy, unless staff refused it).
 */
export function activityPermissions(actor: Actor, a: Activity, groups: readonly DeputyGroup[]): ActivityPermissions {
  const marks =
    a.status === 'recorded' &&
    a.scope !== 'deputy' &&
    (actor.role === 'admin' || (a.scope === 'group' && leadsGroupOf(actor, a, groups)));
  const reviews =
    a.status === 'pending' &&
    (actor.role === 'admin' ||
      (actor.role === 'staff' && actor.stationId !== undefined && actor.stationId === a.stationId));
  const intakes =
    a.kind === 'voter_visit' &&
    a.scope === 'deputy' &&
    a.status !== 'rejected' &&
    actor.role === 'deputy' &&
    a.attendees.some((x) => x.deputyId === actor.deputyId);
  return { markAttendance: marks, review: reviews, intake: intakes };
}

/** The audit line of a change of an activity (or a group) by `actor`. */
export function activityAudit(
  at: number,
  actor: Actor,
  action: string,
  target: { type: 'activity' | 'group' | 'setting'; id: string },
  detail?: Record<string, unknown>,
): AuditEntry {
  return {
    at,
    actor: actor.openid,
    action: `activities.${action}`,
    targetType: target.type,
    targetId: target.id,
    ...(detail ? { detail } : {}),
  };
}
