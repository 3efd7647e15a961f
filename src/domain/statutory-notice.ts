import { type NoticeHoliday, noticeOf } from './holiday-arrangement';
import { statutoryHolidays } from './statutory-holidays';

/** The statutory holidays of a year as notice lines: what to start from before the notice is out. */
export function statutoryNotice(year: number): NoticeHoliday[] {
  return noticeOf({ holidays: [...statutoryHolidays(year)], workdays: [] });
}
