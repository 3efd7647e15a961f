import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** A calendar date in Asia/Shanghai, 'YYYY-MM-DD'. */
export type LocalDate = string;

/** The source of "now"; passed in so that the domain never reads the system clock. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

// China has kept UTC+8 all year since 1991, so a fixed offset is exact and needs no
// time-zone database: this is what makes every date below independent of process.env.TZ.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** How long a date written 'YYYY-MM-DD' is: the longest a date field takes. */
export const LOCAL_DATE_LENGTH = 10;

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDate(instantMs: number): LocalDate {
  return dayjs.utc(instantMs + SHANGHAI_OFFSET_MS).format('YYYY-MM-DD');
}

/** The Asia/Shanghai wall-clock time of an instant, 'HH:mm'. */
export function shanghaiTime(instantMs: number): string {
  return dayjs.utc(instantMs + SHANGHAI_OFFSET_MS).format('HH:mm');
}

/** The Asia/Shanghai date and hour of an instant, 'YYYY-MM-DDTHH'. */
export function shanghaiHour(instantMs: number): string {
  return dayjs.utc(instantMs + SHANGHAI_OFFSET_MS).format('YYYY-MM-DDTHH');
}

/** True when `value` is a real calendar date written 'YYYY-MM-DD' (no 02-30). */
export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const parsed = dayjs.utc(value);
  return (
    parsed.isValid() && parsed.year() === Number(y) && parsed.month() + 1 === Number(m) && parsed.date() === Number(d)
  );
}

export function localDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

/** Calendar days from `from` to `to`: 1 from a day to the next, negative when `to` is earlier. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day');
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return dayjs.utc(date).day();
}

/** The Monday of the week (Monday to Sunday) that `date` is in. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

export function daysInMonth(year: number, month: number): number {
  return dayjs.utc(localDate(year, month, 1)).daysInMonth();
}

/** Year and month (1–12) of a date. */
export function yearMonth(date: LocalDate): { year: number; month: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

/** 'YYYY-MM', the key of a month. */
export function monthKey(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month `offset` months after (year, month). */
export function shiftMonth(year: number, month: number, offset: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** '3月5日 周四' — how a session date reads in the app. */
export function formatDateZh(date: LocalDate): string {
  const { month } = yearMonth(date);
  return `${month}月${Number(date.slice(8, 10))}日 ${WEEKDAY_LABELS[weekday(date)]}`;
}

/** '2025年11月27日' — a date of a period that may span years. */
export function formatYearDateZh(date: LocalDate): string {
  const { year, month } = yearMonth(date);
  return `${year}年${month}月${Number(date.slice(8, 10))}日`;
}

/**
 * The same day `months` calendar months later; a day the month lacks becomes its last day
 * (交办 on 11-30 is due 3 months later on 02-28, not 03-02): how statutory deadlines in months run.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  return dayjs.utc(date).add(months, 'month').format('YYYY-MM-DD');
}
