import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { accountActions } from '../../src/domain/actions/account';
import { AppError } from '../../src/domain/errors';
import { DEPUTY_ALREADY_LINKED, redeemInvite as decideRedeem } from '../../src/domain/invites';
import { ROLE_LABELS } from '../../src/domain/roles';
import { createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { holidayArrangementDue } from '../../src/domain/holiday-reminder';
import type { MeView, ReminderView } from '../../src/domain/views';
import { requireOpenid } from './actor';
import type { ServiceContext } from './context';
import { subscribeTemplateIds, countUnreadMessages } from './messages';

/**
 * account.me: the caller's role and, for deputies and staff, their station; for a 承办单位 contact,
 * their unit; for admins, what is due (next year's holiday arrangement from November on).
 */
export async function describeCaller(_input: Record<string, never>, ctx: ServiceContext): Promise<MeView> {
  const openid = requireOpenid(ctx);
  const { role, account } = await ctx.caller.identity();
  const [station, deputy, unit, unread] = await Promise.all([
    account?.stationId ? ctx.store.getStation(account.stationId) : null,
    account?.deputyId ? ctx.store.getDeputy(account.deputyId) : null,
    account?.unitId ? ctx.store.getHandlingUnit(account.unitId) : null,
    countUnreadMessages(ctx, openid),
  ]);
  const reminders: ReminderView[] = [];
  if (role === 'admin') {
    const due = holidayArrangementDue(
      ctx.clock.now(),
      createHolidayCalendar(await ctx.store.listHolidayArrangements()),
    );
    if (due) reminders.push({ kind: 'holiday_arrangement', year: due.year });
  }
  return {
    role,
    roleLabel: ROLE_LABELS[role],
    ...(account?.displayName ? { displayName: account.displayName } : deputy ? { displayName: deputy.name } : {}),
    ...(station ? { station: { id: station.id, name: station.name } } : {}),
    ...(deputy ? { deputy: { id: deputy.id, name: deputy.name } } : {}),
    ...(unit ? { unit: { id: unit.id, name: unit.name } } : {}),
    unreadMessages: unread,
    subscribe: subscribeTemplateIds(ctx),
    photoFolder: ctx.ids.photoFolder(openid),
    ...(reminders.length > 0 ? { reminders } : {}),
  };
}

/**
 * account.redeemInvite: become a deputy or station staff with a one-time code. The store links a
 * deputy record to one account at most; a code of a deputy already linked is CONFLICT.
 */
export async function redeemInvite(
  input: ActionInput<typeof accountActions, 'redeemInvite'>,
  ctx: ServiceContext,
): Promise<MeView> {
  const openid = requireOpenid(ctx);
  // Codes are short enough to type: a caller gets ten tries a day, counted before this runs
  // (`WRITE_LIMITS`, src/domain/write-limits.ts), not a brute-force run.
  const now = ctx.clock.now();
  const invite = await ctx.store.getInvite(input.code);
  const { role, account: held } = await ctx.caller.identity();
  const current = role === 'admin' ? { openid, role: 'admin' as const, createdAt: now } : held;
  const account = decideRedeem(invite, current, openid, now);
  const outcome = await ctx.store.redeemInvite(input.code, account, {
    at: now,
    actor: openid,
    action: 'account.redeemInvite',
    targetType: 'invite',
    targetId: input.code,
    detail: { role: account.role, stationId: account.stationId, deputyId: account.deputyId },
  });
  if (outcome === 'deputy_linked') throw new AppError('CONFLICT', DEPUTY_ALREADY_LINKED);
  if (outcome === 'unavailable') {
    // Used or replaced since it was read: answer as a read of it now would (used, lapsed).
    decideRedeem(await ctx.store.getInvite(input.code), current, openid, now);
    throw new AppError('CONFLICT', '这个邀请码已被使用');
  }
  const redeemed = { role: account.role, account };
  return describeCaller({}, { ...ctx, caller: { openid, identity: () => Promise.resolve(redeemed) } });
}
