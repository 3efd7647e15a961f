import { AppError } from '../../src/domain/errors';
import type { Opinion } from '../../src/domain/opinion';
import type { Role } from '../../src/domain/roles';
import { isAdmin, type ServiceContext } from './context';

/** The caller as the case-handling rules see them. */
export interface Actor {
  openid: string;
  role: Role;
  stationId?: string;
  deputyId?: string;
  /** The 承办单位 a unit contact answers for. */
  unitId?: string;
  /** How they appear in a timeline: 选民 / 代表 陈建国 / 工作人员 林晓燕 / 人大工委. */
  name: string;
}

/** The caller's OPENID; UNAUTHENTICATED when the platform gave none. */
export function requireOpenid(ctx: Pick<ServiceContext, 'caller'>): string {
  if (!ctx.caller.openid) throw new AppError('UNAUTHENTICATED', '请在微信中打开小程序后再操作');
  return ctx.caller.openid;
}

/** The caller's OPENID when they are an admin (人大工委, by configuration: nothing is read); else FORBIDDEN with `message`. */
export function requireAdmin(ctx: Pick<ServiceContext, 'caller' | 'config'>, message: string): string {
  if (!isAdmin(ctx) || !ctx.caller.openid) throw new AppError('FORBIDDEN', message);
  return ctx.caller.openid;
}

/** The caller, who must have an OPENID. */
export async function actorOf(ctx: ServiceContext): Promise<Actor> {
  const openid = requireOpenid(ctx);
  const { role, account } = await ctx.caller.identity();
  const base = {
    openid,
    role,
    ...(account?.stationId ? { stationId: account.stationId } : {}),
    ...(account?.deputyId ? { deputyId: account.deputyId } : {}),
    ...(account?.unitId ? { unitId: account.unitId } : {}),
  };
  if (role === 'deputy' && account?.deputyId) {
    const deputy = await ctx.store.getDeputy(account.deputyId);
    return { ...base, name: `代表 ${deputy?.name ?? ''}`.trim() };
  }
  if (role === 'staff') return { ...base, name: account?.displayName ?? '联络站工作人员' };
  if (role === 'admin') return { ...base, name: '人大工委' };
  if (role === 'unit' && account?.unitId) {
    const unit = await ctx.store.getHandlingUnit(account.unitId);
    return { ...base, name: unit?.name ?? '承办单位' };
  }
  return { ...base, name: '选民' };
}

/**
 * Who may see an opinion at all: its voter, the deputy it is routed to, the staff of its
 * station, admins, and a voter who supports it (附议: `supporter`, which toView shows less). Everyone
 * else is told it does not exist.
 */
export function canSee(actor: Actor, opinion: Opinion, supporter = false): boolean {
  if (supporter) return true;
  switch (actor.role) {
    case 'admin':
      return true;
    case 'staff':
      return opinion.stationId === actor.stationId;
    case 'deputy':
      return (
        (opinion.assignedDeputyId !== undefined && opinion.assignedDeputyId === actor.deputyId) ||
        opinion.authorOpenid === actor.openid
      );
    default:
      return opinion.authorOpenid === actor.openid;
  }
}

/** Load an opinion the actor may see, or NOT_FOUND; whether they support it is asked only when it decides. */
export async function visibleOpinion(ctx: ServiceContext, actor: Actor, opinionId: string): Promise<Opinion> {
  const opinion = await ctx.store.getOpinion(opinionId);
  if (!opinion) throw new AppError('NOT_FOUND', '没有找到这条意见');
  await requireVisible(ctx, actor, opinion);
  return opinion;
}

/** NOT_FOUND unless the actor may see the opinion; whether they support it is asked only when it decides. */
export async function requireVisible(ctx: ServiceContext, actor: Actor, opinion: Opinion): Promise<void> {
  if (canSee(actor, opinion) || canSee(actor, opinion, await ctx.store.isSupporting(opinion.id, actor.openid))) return;
  throw new AppError('NOT_FOUND', '没有找到这条意见');
}

/** Refuse unless the actor holds one of `roles`. */
export function requireRole(actor: Actor, roles: readonly Role[], message = '您没有权限进行此操作'): void {
  if (!roles.includes(actor.role)) throw new AppError('FORBIDDEN', message);
}
