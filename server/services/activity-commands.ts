import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { activitiesActions } from '../../src/domain/actions/activities';
import {
  ACTIVITY_KIND_LABELS,
  ATTENDANCE_LABELS,
  GROUP_KINDS,
  groupOf,
  type Activity,
  type Attendee,
  type DeputyGroup,
} from '../../src/domain/activity';
import type { ActivityView } from '../../src/domain/activity-views';
import { AppError } from '../../src/domain/errors';
import type { AuditEntry } from '../ports/store-types';
import type { Actor } from './actor';
import { activityActor, activityAudit, activityPermissions, groupLedBy, visibleActivity } from './activity-access';
import { toActivityView } from './activity-view';
import type { ServiceContext } from './context';
import { requireCleanText } from './opinion-change';

type RecordInput = ActionInput<typeof activitiesActions, 'record'>;

/**
 * Write `next` over `current` if nobody changed it meanwhile (version check), with its audit
 * line; CONFLICT when another change won: the loser writes nothing.
 */
export async function commitActivity(
  ctx: ServiceContext,
  current: Activity,
  next: Omit<Activity, 'version' | 'updatedAt'>,
  audit: AuditEntry,
): Promise<Activity> {
  const saved: Activity = { ...next, version: current.version + 1, updatedAt: audit.at };
  if (!(await ctx.store.updateActivity(saved, current.version, audit))) {
    throw new AppError('CONFLICT', '这项活动刚刚被其他人修改过，请刷新后再操作');
  }
  return saved;
}

/**
 * Who records what, and how it starts: the committee any activity (of a group when `groupId` is
 * given); a group's 组长 that group's activities of its kinds; a deputy only their own 走访选民 —
 * themselves present, at their station, pending until staff confirm it.
 */
function recordingOf(
  actor: Actor,
  input: RecordInput,
  groups: readonly DeputyGroup[],
): Pick<Activity, 'scope' | 'status'> & { groupId?: string; selfOnly: boolean } {
  if (input.groupId) {
    if (!groups.some((g) => g.id === input.groupId)) throw new AppError('INVALID_INPUT', '没有找到这个人大小组');
    if (actor.role === 'admin') return { scope: 'group', status: 'recorded', groupId: input.groupId, selfOnly: false };
    if (groupLedBy(actor, groups)?.id !== input.groupId) {
      throw new AppError('FORBIDDEN', '只有人大工委和本小组组长可以登记小组活动');
    }
    if (!GROUP_KINDS.includes(input.kind)) {
      const kinds = GROUP_KINDS.map((k) => ACTIVITY_KIND_LABELS[k]).join('、');
      throw new AppError('INVALID_INPUT', `小组活动可登记：${kinds}`);
    }
    return { scope: 'group', status: 'recorded', groupId: input.groupId, selfOnly: false };
  }
  if (actor.role === 'admin') return { scope: 'committee', status: 'recorded', selfOnly: false };
  if (actor.role === 'deputy' && actor.deputyId && input.kind === 'voter_visit') {
    const own = groupOf(groups, actor.deputyId);
    return { scope: 'deputy', status: 'pending', ...(own ? { groupId: own.id } : {}), selfOnly: true };
  }
  throw new AppError('FORBIDDEN', '代表本人只能登记自己的走访选民；其他履职活动由人大工委或小组组长登记');
}

/**
 * What an activity cites must exist: its deputies in office, the activity it follows (回头看)
 * one the caller can see, its 建议 and opinions. INVALID_INPUT naming the first that does not.
 */
async function checkReferences(ctx: ServiceContext, actor: Actor, input: RecordInput, groups: readonly DeputyGroup[]) {
  const deputies = await Promise.all(input.deputyIds.map((id) => ctx.store.getDeputy(id)));
  if (deputies.some((d) => !d || !d.active)) throw new AppError('INVALID_INPUT', '参加活动的代表须为在任的人大代表');
  if (input.followsActivityId) {
    try {
      await visibleActivity(ctx, actor, input.followsActivityId, groups);
    } catch {
      throw new AppError('INVALID_INPUT', '没有找到回头看所跟进的活动');
    }
  }
  const suggestions = await Promise.all(input.suggestionIds.map((id) => ctx.store.getSuggestion(id)));
  if (suggestions.some((s) => !s || s.submittedAt === undefined)) {
    throw new AppError('INVALID_INPUT', '关联的代表建议不存在');
  }
  const opinions = await Promise.all(input.opinionIds.map((id) => ctx.store.getOpinion(id)));
  if (opinions.some((o) => !o)) throw new AppError('INVALID_INPUT', '关联的群众意见不存在');
}

/**
 * activities.record: the committee records an activity with the deputies it invited (each 待登记
 * until marked); a 组长 records one of their group's; a deputy records their own 走访选民, which
 * counts once staff of their station (or the committee) confirm it.
 */
export async function recordActivity(input: RecordInput, ctx: ServiceContext): Promise<ActivityView> {
  const actor = await activityActor(ctx);
  const groups = await ctx.store.listGroups();
  const how = recordingOf(actor, input, groups);
  let attendees: Attendee[];
  let stationId: string | undefined;
  if (how.selfOnly) {
    const self = actor.deputyId as string;
    if (input.deputyIds.some((id) => id !== self)) {
      throw new AppError('FORBIDDEN', '代表只能登记本人的走访，其他代表请各自登记');
    }
    const deputy = await ctx.store.getDeputy(self);
    if (!deputy || !deputy.active) throw new AppError('FORBIDDEN', '只有在任的人大代表可以登记走访');
    attendees = [{ deputyId: self, attendance: 'present' }];
    stationId = deputy.stationId;
  } else {
    if (input.deputyIds.length === 0) throw new AppError('INVALID_INPUT', '请选择参加活动的代表');
    attendees = input.deputyIds.map((deputyId) => ({ deputyId, attendance: 'invited' }));
  }
  await checkReferences(ctx, actor, input, groups);
  await requireCleanText(
    ctx,
    [input.title, input.place, input.subject, input.outcome].filter(Boolean).join('\n'),
    actor.openid,
  );
  const now = ctx.clock.now();
  const activity: Activity = {
    id: ctx.ids.activityId(),
    kind: input.kind,
    title: input.title,
    date: input.date,
    place: input.place,
    ...(input.subject ? { subject: input.subject } : {}),
    scope: how.scope,
    ...(how.groupId ? { groupId: how.groupId } : {}),
    ...(stationId ? { stationId } : {}),
    recordedBy: actor.openid,
    attendees,
    ...(input.votersVisited !== undefined ? { votersVisited: input.votersVisited } : {}),
    ...(input.outcome ? { outcome: input.outcome } : {}),
    suggestionIds: input.suggestionIds,
    opinionIds: input.opinionIds,
    ...(input.followsActivityId ? { followsActivityId: input.followsActivityId } : {}),
    status: how.status,
    corrections: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.store.createActivity(
    activity,
    activityAudit(
      now,
      actor,
      'record',
      { type: 'activity', id: activity.id },
      {
        kind: activity.kind,
        scope: activity.scope,
        ...(activity.groupId ? { groupId: activity.groupId } : {}),
        deputyIds: attendees.map((x) => x.deputyId),
      },
    ),
  );
  return toActivityView(ctx, actor, activity, groups);
}

/**
 * activities.markAttendance: the committee (or, for a group's activity, its 组长) marks an
 * invited deputy 出席, 请假 (with the reason) or 缺席. A mark already made changes only with a
 * correction reason, kept on the activity for all to read — never silently.
 */
export async function markAttendance(
  input: ActionInput<typeof activitiesActions, 'markAttendance'>,
  ctx: ServiceContext,
): Promise<ActivityView> {
  const actor = await activityActor(ctx);
  const groups = await ctx.store.listGroups();
  const activity = await visibleActivity(ctx, actor, input.activityId, groups);
  if (!activityPermissions(actor, activity, groups).markAttendance) {
    throw new AppError('FORBIDDEN', '只有人大工委（小组活动还有本小组组长）可以登记出席情况');
  }
  const current = activity.attendees.find((x) => x.deputyId === input.deputyId);
  if (!current) throw new AppError('INVALID_INPUT', '这位代表没有受邀参加这项活动');
  const leaveReason = input.attendance === 'leave' ? input.leaveReason : undefined;
  const unchanged = current.attendance === input.attendance && current.leaveReason === leaveReason;
  // Marking again what is already marked changes nothing and writes nothing.
  if (unchanged) return toActivityView(ctx, actor, activity, groups);
  const correcting = current.attendance !== 'invited';
  if (correcting && !input.correctionReason) {
    throw new AppError('INVALID_INPUT', `已登记为${ATTENDANCE_LABELS[current.attendance]}，更改请填写更正原因`);
  }
  await requireCleanText(
    ctx,
    [leaveReason, correcting ? input.correctionReason : undefined].filter(Boolean).join('\n'),
    actor.openid,
  );
  const now = ctx.clock.now();
  const marked: Attendee = {
    deputyId: input.deputyId,
    attendance: input.attendance,
    ...(leaveReason ? { leaveReason } : {}),
  };
  const saved = await commitActivity(
    ctx,
    activity,
    {
      ...activity,
      attendees: activity.attendees.map((x) => (x.deputyId === input.deputyId ? marked : x)),
      corrections:
        correcting && input.correctionReason
          ? [
              ...activity.corrections,
              {
                deputyId: input.deputyId,
                from: current.attendance,
                to: input.attendance,
                reason: input.correctionReason,
                at: now,
                by: actor.openid,
              },
            ]
          : activity.corrections,
    },
    activityAudit(
      now,
      actor,
      'markAttendance',
      { type: 'activity', id: activity.id },
      {
        deputyId: input.deputyId,
        from: current.attendance,
        to: input.attendance,
        ...(correcting ? { correctionReason: input.correctionReason } : {}),
      },
    ),
  );
  return toActivityView(ctx, actor, saved, groups);
}

/**
 * activities.review: staff of the deputy's station (or the committee) confirm a deputy's own
 * visit — from then on it counts — or decline it with a note; a declined visit never counts.
 */
export async function reviewActivity(
  input: ActionInput<typeof activitiesActions, 'review'>,
  ctx: ServiceContext,
): Promise<ActivityView> {
  const actor = await activityActor(ctx);
  const groups = await ctx.store.listGroups();
  const activity = await visibleActivity(ctx, actor, input.activityId, groups);
  if (activity.scope !== 'deputy') throw new AppError('INVALID_INPUT', '只有代表本人登记的走访需要确认');
  if (activity.status !== 'pending') throw new AppError('CONFLICT', '这次走访已经确认过了');
  if (!activityPermissions(actor, activity, groups).review) {
    throw new AppError('FORBIDDEN', '只有代表所在联络站的工作人员或人大工委可以确认走访');
  }
  if (!input.confirm && !input.note) throw new AppError('INVALID_INPUT', '不予确认请填写说明');
  if (input.note) await requireCleanText(ctx, input.note, actor.openid);
  const now = ctx.clock.now();
  const saved = await commitActivity(
    ctx,
    activity,
    {
      ...activity,
      status: input.confirm ? 'confirmed' : 'rejected',
      review: { by: actor.openid, at: now, note: input.note ?? '' },
    },
    activityAudit(now, actor, 'review', { type: 'activity', id: activity.id }, { confirm: input.confirm }),
  );
  return toActivityView(ctx, actor, saved, groups);
}
