import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { caseworkActions } from '../../src/domain/actions/casework';
import { AppError } from '../../src/domain/errors';
import { actorOf } from './actor';
import type { ServiceContext } from './context';

const INVITE_DAYS = 30;

/**
 * casework.issueInvite: station staff invite the deputies of their station (a deputy
 * record not yet linked to an account); the committee (admin) invites staff of any
 * station and deputies anywhere. An invite is valid for 30 days and used once.
 */
export async function issueInvite(
  input: ActionInput<typeof caseworkActions, 'issueInvite'>,
  ctx: ServiceContext,
): Promise<{ code: string; role: 'deputy' | 'staff'; stationId: string; expiresAt: number; displayName?: string }> {
  const actor = await actorOf(ctx);
  if (actor.role !== 'staff' && actor.role !== 'admin') throw new AppError('FORBIDDEN', '只有工作人员可以发放邀请码');
  if (input.role === 'staff' && actor.role !== 'admin') throw new AppError('FORBIDDEN', '工作人员邀请码由人大工委发放');
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
