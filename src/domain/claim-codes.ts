import { AppError } from './errors';
import { RECORDED_FOR_VOTER, type Opinion } from './opinion';

/** A walk-in's claim code (查询码) can be used for 30 days from the day the opinion was recorded. */
export const CLAIM_CODE_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** When the claim code of a walk-in recorded at `recordedAt` stops working (ms). */
export function claimCodeExpiresAt(recordedAt: number): number {
  return recordedAt + CLAIM_CODE_DAYS * DAY_MS;
}

/**
 * The one answer to a code that cannot be claimed: unknown, expired, or claimed by someone
 * else. Telling these apart would tell a guesser which codes exist.
 */
export function noSuchClaimCode(): AppError {
  return new AppError('NOT_FOUND', '查询码不存在或已失效，请核对后重新输入，或联系联络站工作人员');
}

/**
 * Whether `opinion`'s code can be claimed at `now`: one recorded for a voter (a walk-in, or an
 * opinion a deputy took down on a visit) that nobody has claimed yet, less than 30 days after it
 * was recorded.
 */
export function isClaimable(opinion: Opinion, now: number): boolean {
  return (
    RECORDED_FOR_VOTER.includes(opinion.source) &&
    opinion.authorOpenid === '' &&
    now < claimCodeExpiresAt(opinion.createdAt)
  );
}
