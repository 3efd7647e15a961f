import { shanghaiDate } from './dates';
import type { HolidayCalendar } from './holiday-calendar';

/** The month (November) from which next year's arrangement is asked for: the notice usually comes out then. */
export const REMINDER_FROM_MONTH = 11;

/**
 * Whether the committee must be reminded to load a year's holiday arrangement, and which year.
 * On or after 1 November (Asia/Shanghai) of year Y, year Y+1 is due when it has neither an
 * arrangement the committee loaded nor one in the installed `chinese-days` data — until then
 * its reception days read 待公布. The current year, if it somehow has neither, is due at any
 * time (and first). Null when nothing is due.
 */
export function holidayArrangementDue(nowMs: number, calendar: HolidayCalendar): { year: number } | null {
  const today = shanghaiDate(nowMs);
  const year = Number(today.slice(0, 4));
  if (calendar.sourceOf(year) === 'statutory') return { year };
  const month = Number(today.slice(5, 7));
  if (month >= REMINDER_FROM_MONTH && calendar.sourceOf(year + 1) === 'statutory') return { year: year + 1 };
  return null;
}
