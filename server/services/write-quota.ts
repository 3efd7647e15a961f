import { shanghaiDate } from '../../src/domain/dates';
import { AppError } from '../../src/domain/errors';
import { WRITE_LIMITS, writeQuotaKey, type LimitedAction } from '../../src/domain/write-limits';
import type { ServiceContext } from './context';

/**
 * Count one call of `action` by `openid` today (Asia/Shanghai); once the day's limit
 * (`WRITE_LIMITS`) is reached, RATE_LIMITED with the action's message, and nothing is counted.
 * The count is one atomic change of the store, so calls racing each other cannot pass the limit.
 */
export async function spendWriteQuota(
  ctx: Pick<ServiceContext, 'store' | 'clock'>,
  action: LimitedAction,
  openid: string,
): Promise<void> {
  const { perDay, message } = WRITE_LIMITS[action];
  const key = writeQuotaKey(action, openid, shanghaiDate(ctx.clock.now()));
  if (!(await ctx.store.useQuota(key, perDay))) throw new AppError('RATE_LIMITED', message);
}
