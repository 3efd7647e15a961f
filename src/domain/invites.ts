import { AppError } from './errors';
import type { Account, Invite } from './roles';

// No 0/O, 1/I/L: codes are read out over the phone and typed by hand.
export const INVITE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE_LENGTH = 8;
/** What the 邀请码 field takes: the code with room for the spaces or dashes it may be written with. */
export const INVITE_CODE_INPUT_MAX = INVITE_CODE_LENGTH + 4;

/** Upper-case and drop spaces and dashes, so "abcd-2345" and "ABCD2345" are one code. */
export function normalizeInviteCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

/** The answer to a code that has expired or was replaced by a newer one: both mean "ask again". */
export const INVITE_LAPSED = '这个邀请码已失效，请联系工作人员重新发放';

/** The answer to a deputy invite whose deputy is already linked to another account. */
export const DEPUTY_ALREADY_LINKED = '这位代表已绑定其他微信账号，如需更换请联系人大工委';

/**
 * Whether `openid` may redeem `invite` at `now`, and the account it then has. An invite is
 * used once, before it expires and while no newer invite of the same deputy replaced it (an
 * expired and a replaced code answer alike); a caller who already holds a deputy, staff or
 * admin role keeps it (changing roles goes through the committee, not a second code).
 */
export function redeemInvite(invite: Invite | null, current: Account | null, openid: string, now: number): Account {
  if (!invite) throw new AppError('NOT_FOUND', '邀请码不存在，请核对后重新输入');
  if (invite.usedBy) {
    throw new AppError('CONFLICT', invite.usedBy === openid ? '您已使用过这个邀请码' : '这个邀请码已被使用');
  }
  if (invite.expiresAt <= now || invite.revokedAt !== undefined) throw new AppError('CONFLICT', INVITE_LAPSED);
  if (current && current.role !== 'voter') {
    throw new AppError('CONFLICT', '您已有其他身份，如需变更请联系人大工委');
  }
  return {
    openid,
    role: invite.role,
    // A unit's invite belongs to no station ('').
    ...(invite.stationId ? { stationId: invite.stationId } : {}),
    ...(invite.deputyId ? { deputyId: invite.deputyId } : {}),
    ...(invite.unitId ? { unitId: invite.unitId } : {}),
    ...(invite.displayName ? { displayName: invite.displayName } : {}),
    createdAt: now,
  };
}
