import { shanghaiDate } from '../../src/domain/dates';
import { ARRANGEMENT_SOURCE_LABELS, noticeOf } from '../../src/domain/holiday-arrangement';
import { createHolidayCalendar, type HolidayArrangement } from '../../src/domain/holiday-calendar';
import { holidayArrangementDue } from '../../src/domain/holiday-reminder';
import { statutoryNotice } from '../../src/domain/statutory-notice';
import type { HolidayYearsView } from '../../src/domain/views';
import { requireAdmin } from './actor';
import type { ServiceContext } from './context';

/**
 * stations.setHolidayArrangement: an admin loads a year's published arrangement as data, so
 * that sessions of that year stop being provisional without a new release.
 */
export async function setHolidayArrangement(
  input: HolidayArrangement,
  ctx: ServiceContext,
): Promise<{ year: number; holidays: number; workdays: number }> {
  const actor = requireAdmin(ctx, '只有人大工委可以导入节假日安排');
  await ctx.store.putHolidayArrangement(input, {
    at: ctx.clock.now(),
    actor,
    action: 'stations.setHolidayArrangement',
    targetType: 'holiday_arrangement',
    targetId: String(input.year),
    detail: { holidays: input.holidays.length, workdays: input.workdays.length },
  });
  return { year: input.year, holidays: input.holidays.length, workdays: input.workdays.length };
}

/**
 * stations.holidayYears: for this year and next (Asia/Shanghai), where the calendar takes the
 * days off from — the committee's loaded arrangement, the maintained package, or only the
 * statutory holidays (待公布) — and the days themselves; with the year due to be loaded, if any.
 */
export async function listHolidayYears(_input: Record<string, never>, ctx: ServiceContext): Promise<HolidayYearsView> {
  requireAdmin(ctx, '只有人大工委可以查看和录入节假日安排');
  const now = ctx.clock.now();
  const calendar = createHolidayCalendar(await ctx.store.listHolidayArrangements());
  const thisYear = Number(shanghaiDate(now).slice(0, 4));
  return {
    today: shanghaiDate(now),
    due: holidayArrangementDue(now, calendar),
    years: [thisYear, thisYear + 1].map((year) => {
      const source = calendar.sourceOf(year);
      const days = calendar.arrangementOf(year);
      return {
        year,
        source,
        sourceLabel: ARRANGEMENT_SOURCE_LABELS[source],
        holidays: noticeOf(days),
        statutory: statutoryNotice(year),
        restDays: days.holidays.length,
        workdays: days.workdays.length,
      };
    }),
  };
}
