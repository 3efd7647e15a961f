import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { caseworkActions, IssuedInvite } from '../../src/domain/actions/casework';
import { AppError } from '../../src/domain/errors';
import { actorOf, type Actor } from './actor';
import type { ServiceContext } from './context';

const INVITE_DAYS = 30;

/**
 * casework.issueInvite: station staff invite the deputies of their station (a deputy
 * record not yet linked to an account); the committee (admin) invites staff of any
 * station, deputies anywhere, and the contacts of 承办单位. An invite is valid for 30 days
 * and used once.
 */
export async function issueInvite(
  input: ActionInput<typeof caseworkActions, 'issueInvite'>,
  ctx: ServiceContext,
): Promise<IssuedInvite> {
  const actor = await actorOf(ctx);
  if (actor.role !== 'staff' && actor.role !== 'admin') throw new AppError('FORBIDDEN', '只有工作人员可以发放邀请码');
  if (input.role === 'staff' && actor.role !== 'admin') throw new AppError('FORBIDDEN', '工作人员邀请码由人大工委发放');
  if (input.role === 'unit') return issueUnitInvite(ctx, actor, input.unitId);
  let stationId = input.stationId ?? actor.stationId;
  let displayName: string | undefined;
  if (input.role === 'deputy') {
    const deputy = input.deputyId ? await ctx.store.getDeputy(input.deputyId) : null;
    if (!deputy || !deputy.active) throw new AppError('INVALID_INPUT', '请选择本站在任的代表');
    if (actor.role === 'staff' && deputy.stationId !== actor.stationId)
      throw new AppError('FORBIDDEN', '只能邀请本站的代表');
    if (await ctx.store.getAccountByDeputy(deputy.id))
      throw new AppError('CONFLICT', `${deputy.name}已经绑定了微信账号`);
    stationId = deputy.stationId;
    displayName = deputy.name;
  }
  if (!stationId || !(await ctx.store.getStation(stationId))) throw new AppError('INVALID_INPUT', '请选择联络站');
  const now = ctx.clock.now();
  const invite = {
    code: ctx.ids.inviteCode(),
    role: input.role,
    stationId,
    ...(input.role === 'deputy' && input.deputyId ? { deputyId: input.deputyId } : {}),
    ...(displayName ? { displayName } : {}),
    expiresAt: now + INVITE_DAYS * 24 * 60 * 60 * 1000,
    issuedBy: actor.openid,
  };
  await ctx.store.putInvite(invite, {
    at: now,
    actor: actor.openid,
    action: 'casework.issueInvite',
    targetType: 'invite',
    targetId: invite.code,
    detail: { role: invite.role, stationId, deputyId: input.deputyId },
  });
  return {
    code: invite.code,
    role: invite.role,
    stationId,
    expiresAt: invite.expiresAt,
    ...(displayName ? { displayName } : {}),
  };
}

/** A 承办单位 contact's invite: the committee only, for a unit in the register. */
async function issueUnitInvite(ctx: ServiceContext, actor: Actor, unitId: string | undefined): Promise<IssuedInvite> {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN', '承办单位邀请码由人大工委发放');
  const unit = unitId ? await ctx.store.getHandlingUnit(unitId) : null;
  if (!unit || !unit.active) throw new AppError('INVALID_INPUT', '请选择在册的承办单位');
  const now = ctx.clock.now();
  const invite = {
    code: ctx.ids.inviteCode(),
    role: 'unit' as const,
    stationId: '',
    unitId: unit.id,
    displayName: unit.name,
    expiresAt: now + INVITE_DAYS * 24 * 60 * 60 * 1000,
    issuedBy: actor.openid,
  };
  await ctx.store.putInvite(invite, {
    at: now,
    actor: actor.openid,
    action: 'casework.issueInvite',
    targetType: 'invite',
    targetId: invite.code,
    detail: { role: 'unit', unitId: unit.id },
  });
  return {
    code: invite.code,
    role: 'unit',
    stationId: '',
    unitId: unit.id,
    expiresAt: invite.expiresAt,
    displayName: unit.name,
  };
}
