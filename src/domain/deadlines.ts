import { addDays, type LocalDate } from './dates';
import type { HolidayCalendar } from './holiday-calendar';

export const DEFAULT_REPLY_WORKING_DAYS = 10;

/**
 * The date `n` working days after `from` (not counting `from` itself), by the China
 * working-day calendar: weekends and public holidays do not count, make-up working days do.
 */
export function addWorkingDays(from: LocalDate, n: number, calendar: HolidayCalendar): LocalDate {
  let date = from;
  for (let counted = 0; counted < n;) {
    date = addDays(date, 1);
    if (calendar.isWorkingDay(date)) counted += 1;
  }
  return date;
}

/** The working day before `date`: when the 催办 reminder goes to the deputy. */
export function previousWorkingDay(date: LocalDate, calendar: HolidayCalendar): LocalDate {
  let day = addDays(date, -1);
  while (!calendar.isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/** Reply is due N working days after the day of assignment (default 10). */
export function replyDueDate(
  assignedOn: LocalDate,
  calendar: HolidayCalendar,
  workingDays = DEFAULT_REPLY_WORKING_DAYS,
) {
  return addWorkingDays(assignedOn, workingDays, calendar);
}

/** Overdue once the due day has passed in Asia/Shanghai. */
export function isOverdue(dueDate: LocalDate, today: LocalDate): boolean {
  return today > dueDate;
}
