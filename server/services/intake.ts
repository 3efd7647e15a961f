import type { caseworkActions } from '../../src/domain/actions/casework';
import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { Activity } from '../../src/domain/activity';
import { claimCodeExpiresAt } from '../../src/domain/claim-codes';
import { AppError } from '../../src/domain/errors';
import type { Opinion } from '../../src/domain/opinion';
import type { SubmitResult } from '../../src/domain/views';
import { activityAudit, activityPermissions, visibleActivity } from './activity-access';
import { commitActivity } from './activity-commands';
import { actorOf, requireRole, type Actor } from './actor';
import type { ServiceContext } from './context';
import { createAndRoute, result } from './submit-opinion';

type IntakeInput = ActionInput<typeof caseworkActions, 'intake'>;
type IntakeResult = SubmitResult & { claimCode: string; claimCodeExpiresAt: number };

/** The most opinions one visit can list (as `activities.record` allows). */
const MAX_OPINIONS_PER_VISIT = 50;

/** The answer: the opinion, and the claim code for the voter, valid 30 days (the answer says until when). */
const intakeResult = (opinion: Opinion): IntakeResult => ({
  ...result(opinion),
  claimCode: opinion.claimCode ?? '',
  claimCodeExpiresAt: claimCodeExpiresAt(opinion.createdAt),
});

/**
 * The visit an opinion is taken down at: the caller's own 走访选民, not refused by staff, with
 * room for one more opinion (or already listing this one, for a retry).
 */
async function ownVisit(ctx: ServiceContext, actor: Actor, activityId: string): Promise<Activity> {
  const groups = await ctx.store.listGroups();
  const visit = await visibleActivity(ctx, actor, activityId, groups);
  if (!activityPermissions(actor, visit, groups).intake) {
    if (visit.status === 'rejected') throw new AppError('CONFLICT', '这次走访未被确认，不能再登记意见');
    throw new AppError('FORBIDDEN', '只能登记本人走访选民时收集的意见');
  }
  if (visit.opinionIds.length >= MAX_OPINIONS_PER_VISIT) {
    throw new AppError('INVALID_INPUT', `一次走访最多登记${MAX_OPINIONS_PER_VISIT}条意见`);
  }
  return visit;
}

/**
 * List `opinion` on the visit it was taken down at, with an audit line; once only (a retry finds
 * it listed). Written over the visit as read before the opinion was created; another change of
 * the visit in between is re-read and the listing tried again.
 */
async function listOnVisit(ctx: ServiceContext, actor: Actor, read: Activity, opinion: Opinion): Promise<void> {
  let visit: Activity | null = read;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (attempt > 0) visit = await ctx.store.getActivity(read.id);
    if (!visit) throw new AppError('NOT_FOUND', '没有找到这项活动');
    if (visit.opinionIds.includes(opinion.id)) return;
    const audit = activityAudit(
      ctx.clock.now(),
      actor,
      'listOpinion',
      { type: 'activity', id: visit.id },
      { opinionId: opinion.id },
    );
    try {
      await commitActivity(ctx, visit, { ...visit, opinionIds: [...visit.opinionIds, opinion.id] }, audit);
      return;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
    }
  }
  throw new AppError('CONFLICT', '意见已登记，但关联走访记录时有人同时修改了它，请重试');
}

/**
 * A deputy's intake: an opinion a voter raised on the deputy's own 走访选民, taken down for
 * them at the deputy's station. It stays with that deputy (no routing rule), the voter gets a
 * claim code as at a reception day, and the visit lists it.
 */
async function intakeAtVisit(input: IntakeInput, ctx: ServiceContext, actor: Actor): Promise<IntakeResult> {
  // A reception day's walk-ins are the staff's to record; a deputy records only what their own visit collected.
  if (!input.activityId) throw new AppError('FORBIDDEN', '代表只能在本人的走访记录里登记走访中收集的意见');
  const deputy = actor.deputyId ? await ctx.store.getDeputy(actor.deputyId) : null;
  if (!deputy?.active) throw new AppError('FORBIDDEN', '只有在任的人大代表可以登记走访中收集的意见');
  if (input.stationId && input.stationId !== deputy.stationId) {
    throw new AppError('FORBIDDEN', '走访中收集的意见登记到代表本人所在的联络站');
  }
  const visit = await ownVisit(ctx, actor, input.activityId);
  const { activityId: _visit, ...draft } = input;
  const opinion = await createAndRoute(ctx, actor, { ...draft, stationId: deputy.stationId }, 'visit');
  await listOnVisit(ctx, actor, visit, opinion);
  return intakeResult(opinion);
}

/**
 * casework.intake: staff record a walk-in opinion from a reception day at their station; a
 * deputy records one raised on their own 走访选民 (`activityId`). Either way the voter gets a
 * claim code to follow it in the app.
 */
export async function intakeOpinion(input: IntakeInput, ctx: ServiceContext): Promise<IntakeResult> {
  const actor = await actorOf(ctx);
  requireRole(actor, ['staff', 'admin', 'deputy'], '只有联络站工作人员和代表本人可以代为登记');
  if (actor.role === 'deputy') return intakeAtVisit(input, ctx, actor);
  if (input.activityId) throw new AppError('INVALID_INPUT', '关联走访记录只用于代表登记本人走访中收集的意见');
  const stationId = input.stationId ?? actor.stationId;
  if (!stationId) throw new AppError('INVALID_INPUT', '请选择联络站');
  if (actor.role === 'staff' && stationId !== actor.stationId) {
    throw new AppError('FORBIDDEN', '只能为本站登记意见');
  }
  const { activityId: _none, ...draft } = input;
  return intakeResult(await createAndRoute(ctx, actor, { ...draft, stationId }, 'walk_in'));
}
