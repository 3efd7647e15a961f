import { AppError } from '../../src/domain/errors';
import type { HolidayArrangement } from '../../src/domain/holiday-calendar';
import type { ServiceContext } from './context';

/**
 * stations.setHolidayArrangement: an admin loads a year's published arrangement as data, so
 * that sessions of that year stop being provisional without a new release.
 */
export async function setHolidayArrangement(
  input: HolidayArrangement,
  ctx: ServiceContext,
): Promise<{ year: number; holidays: number; workdays: number }> {
  if (ctx.caller.role !== 'admin' || !ctx.caller.openid) {
    throw new AppError('FORBIDDEN', '只有人大工委可以导入节假日安排');
  }
  await ctx.store.putHolidayArrangement(input, {
    at: ctx.clock.now(),
    actor: ctx.caller.openid,
    action: 'stations.setHolidayArrangement',
    targetType: 'holiday_arrangement',
    targetId: String(input.year),
    detail: { holidays: input.holidays.length, workdays: input.workdays.length },
  });
  return { year: input.year, holidays: input.holidays.length, workdays: input.workdays.length };
}
