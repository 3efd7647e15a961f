import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { activitiesActions } from '../../src/domain/actions/activities';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_STATUS_LABELS,
  ATTENDANCE_LABELS,
  type Activity,
  type DeputyGroup,
} from '../../src/domain/activity';
import type { ActivityListItem, ActivityListView, ActivityView, GroupView } from '../../src/domain/activity-views';
import { AppError } from '../../src/domain/errors';
import type { Deputy, Station } from '../../src/domain/station';
import type { ActivityQuery } from '../ports/activity-store';
import type { Actor } from './actor';
import {
  activityActor,
  activityPermissions,
  canSeeActivity,
  groupLedBy,
  seesLeaveReasonOf,
  visibleActivity,
} from './activity-access';
import type { ServiceContext } from './context';

/** A page of the activity list. */
export const ACTIVITY_PAGE_SIZE = 20;

const nameOf = (deputies: readonly Deputy[], id: string) => deputies.find((d) => d.id === id)?.name ?? '（已删除）';

/** An activity as `actor` sees it: leave reasons only to those who may read them. */
export async function toActivityView(
  ctx: ServiceContext,
  actor: Actor,
  a: Activity,
  groups: readonly DeputyGroup[],
): Promise<ActivityView> {
  const [deputies, suggestions, follows] = await Promise.all([
    ctx.store.listDeputies(),
    Promise.all(a.suggestionIds.map((id) => ctx.store.getSuggestion(id))),
    a.followsActivityId ? ctx.store.getActivity(a.followsActivityId) : Promise.resolve(null),
  ]);
  const group = groups.find((g) => g.id === a.groupId);
  return {
    id: a.id,
    kind: a.kind,
    kindLabel: ACTIVITY_KIND_LABELS[a.kind],
    title: a.title,
    date: a.date,
    place: a.place,
    ...(a.subject ? { subject: a.subject } : {}),
    scope: a.scope,
    ...(group ? { group: { id: group.id, name: group.name } } : {}),
    attendees: a.attendees.map((x) => ({
      deputyId: x.deputyId,
      name: nameOf(deputies, x.deputyId),
      attendance: x.attendance,
      attendanceLabel: ATTENDANCE_LABELS[x.attendance],
      ...(x.leaveReason && seesLeaveReasonOf(actor, a, groups, x.deputyId) ? { leaveReason: x.leaveReason } : {}),
    })),
    ...(a.votersVisited !== undefined ? { votersVisited: a.votersVisited } : {}),
    ...(a.outcome ? { outcome: a.outcome } : {}),
    suggestions: suggestions.flatMap((s) => (s ? [{ id: s.id, title: s.title }] : [])),
    opinionIds: a.opinionIds,
    // The activity followed is named only to those who may see it.
    ...(follows && canSeeActivity(actor, follows, groups)
      ? { followsActivity: { id: follows.id, title: follows.title, date: follows.date } }
      : {}),
    status: a.status,
    statusLabel: ACTIVITY_STATUS_LABELS[a.status],
    ...(a.review ? { review: { note: a.review.note, at: a.review.at } } : {}),
    corrections: a.corrections.map((c) => ({
      name: nameOf(deputies, c.deputyId),
      fromLabel: ATTENDANCE_LABELS[c.from],
      toLabel: ATTENDANCE_LABELS[c.to],
      reason: c.reason,
      at: c.at,
    })),
    can: activityPermissions(actor, a, groups),
  };
}

/** activities.get: an activity the caller may see (NOT_FOUND to anyone else among them). */
export async function getActivity(
  input: ActionInput<typeof activitiesActions, 'get'>,
  ctx: ServiceContext,
): Promise<ActivityView> {
  const actor = await activityActor(ctx);
  const groups = await ctx.store.listGroups();
  return toActivityView(ctx, actor, await visibleActivity(ctx, actor, input.activityId, groups), groups);
}

/**
 * What a list asks the store for, within the caller's reach: a deputy their own activities (a
 * 组长 also their group's, or one member's); staff with `pending` their station's visits
 * awaiting confirmation.
 */
function queryFor(
  actor: Actor,
  input: ActionInput<typeof activitiesActions, 'list'>,
  groups: readonly DeputyGroup[],
): Omit<ActivityQuery, 'limit'> {
  const filters: Omit<ActivityQuery, 'limit'> = {
    ...(input.from ? { fromDate: input.from } : {}),
    ...(input.to ? { toDate: input.to } : {}),
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.groupId ? { groupId: input.groupId } : {}),
    ...(input.deputyId ? { deputyId: input.deputyId } : {}),
    ...(input.cursor ? { cursor: input.cursor } : {}),
  };
  if (input.pending) {
    if (actor.role === 'staff') return { ...filters, stationId: actor.stationId ?? '-', statuses: ['pending'] };
    if (actor.role === 'admin') return { ...filters, statuses: ['pending'] };
    // A deputy's own visits awaiting confirmation.
    return { ...filters, deputyId: actor.deputyId ?? '-', statuses: ['pending'] };
  }
  if (actor.role !== 'deputy') return filters;
  const led = groupLedBy(actor, groups);
  if (input.groupId) {
    if (led?.id !== input.groupId) throw new AppError('FORBIDDEN', '只有组长可以查看本小组的全部活动');
    return filters;
  }
  if (input.deputyId && input.deputyId !== actor.deputyId && !led?.memberDeputyIds.includes(input.deputyId)) {
    throw new AppError('FORBIDDEN', '代表只能查看本人参加的活动');
  }
  return { ...filters, deputyId: input.deputyId ?? actor.deputyId ?? '-' };
}

function listItem(a: Activity, groups: readonly DeputyGroup[]): ActivityListItem {
  const groupName = groups.find((g) => g.id === a.groupId)?.name;
  return {
    id: a.id,
    kind: a.kind,
    kindLabel: ACTIVITY_KIND_LABELS[a.kind],
    title: a.title,
    date: a.date,
    place: a.place,
    status: a.status,
    statusLabel: ACTIVITY_STATUS_LABELS[a.status],
    invited: a.attendees.length,
    present: a.attendees.filter((x) => x.attendance === 'present').length,
    ...(a.votersVisited !== undefined ? { votersVisited: a.votersVisited } : {}),
    ...(groupName ? { groupName } : {}),
  };
}

/**
 * activities.list: the activities of a period the caller may see, latest first — the committee
 * and staff all (staff not other stations' unconfirmed visits), a deputy those they were invited
 * to and their own visits, a 组长 also their group's; `pending` for the visits awaiting review.
 */
export async function listActivities(
  input: ActionInput<typeof activitiesActions, 'list'>,
  ctx: ServiceContext,
): Promise<ActivityListView> {
  const actor = await activityActor(ctx);
  const groups = await ctx.store.listGroups();
  const page = await ctx.store.listActivities({ ...queryFor(actor, input, groups), limit: ACTIVITY_PAGE_SIZE });
  const items = page.items.filter((a) => canSeeActivity(actor, a, groups)).map((a) => listItem(a, groups));
  return { items, ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** A 人大小组 with its members' names and stations. */
export function toGroupView(g: DeputyGroup, deputies: readonly Deputy[], stations: readonly Station[]): GroupView {
  const leader = deputies.find((d) => d.id === g.leaderDeputyId);
  return {
    id: g.id,
    name: g.name,
    area: g.area,
    ...(leader ? { leader: { id: leader.id, name: leader.name } } : {}),
    members: g.memberDeputyIds.map((id) => {
      const d = deputies.find((x) => x.id === id);
      return {
        id,
        name: d?.name ?? '（已删除）',
        stationName: stations.find((s) => s.id === d?.stationId)?.name ?? '',
      };
    }),
  };
}

/** activities.groups: the street's 人大小组, for deputies, staff and the committee. */
export async function listGroups(
  _input: ActionInput<typeof activitiesActions, 'groups'>,
  ctx: ServiceContext,
): Promise<{ groups: GroupView[] }> {
  await activityActor(ctx);
  const [groups, deputies, stations] = await Promise.all([
    ctx.store.listGroups(),
    ctx.store.listDeputies(),
    ctx.store.listStations(),
  ]);
  return { groups: groups.map((g) => toGroupView(g, deputies, stations)) };
}
