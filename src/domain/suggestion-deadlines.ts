import { addMonths, type LocalDate } from './dates';
import { addWorkingDays, previousWorkingDay } from './deadlines';
import type { HolidayCalendar } from './holiday-calendar';

/** The committee decides (立案 and 交办, or declines) within 5 working days of submission. */
export const DECISION_WORKING_DAYS = 5;
/** A 主办 unit answers within 3 months of 交办 … */
export const ANSWER_MONTHS = 3;
/** … which the committee may extend, with a reason, to at most 6 months. */
export const MAX_ANSWER_MONTHS = 6;
/** 协办 units give their views to the 主办 within 1 month of 交办. */
export const CO_VIEW_MONTHS = 1;
/** After a 不满意, the unit answers again within 1 month. */
export const REDO_MONTHS = 1;
/** A unit is reminded this many working days before its due date. */
export const REMIND_WORKING_DAYS_BEFORE = 5;

/** The day the committee's decision on a 建议 submitted on `submittedOn` is due (5 working days). */
export function decisionDueDate(submittedOn: LocalDate, calendar: HolidayCalendar): LocalDate {
  return addWorkingDays(submittedOn, DECISION_WORKING_DAYS, calendar);
}

/** The day a 主办 unit's answer is due: 3 calendar months after 交办. */
export function answerDueDate(assignedOn: LocalDate): LocalDate {
  return addMonths(assignedOn, ANSWER_MONTHS);
}

/** The latest day an extension may reach: 6 calendar months after 交办. */
export function latestExtendedDueDate(assignedOn: LocalDate): LocalDate {
  return addMonths(assignedOn, MAX_ANSWER_MONTHS);
}

/** The day 协办 units' views are due: 1 calendar month after 交办. */
export function coViewDueDate(assignedOn: LocalDate): LocalDate {
  return addMonths(assignedOn, CO_VIEW_MONTHS);
}

/** The day a 再办 answer is due: 1 calendar month after the 不满意. */
export function redoDueDate(sentBackOn: LocalDate): LocalDate {
  return addMonths(sentBackOn, REDO_MONTHS);
}

/**
 * The day a unit is reminded of `dueDate`: 5 working days before it, by the China working-day
 * calendar (so a due date after the Spring Festival is announced before the holiday).
 */
export function unitReminderDate(dueDate: LocalDate, calendar: HolidayCalendar): LocalDate {
  let day = dueDate;
  for (let i = 0; i < REMIND_WORKING_DAYS_BEFORE; i += 1) day = previousWorkingDay(day, calendar);
  return day;
}
