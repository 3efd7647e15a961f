// Plain UTC arithmetic on Date, no date library: the mini program's tab pages show dates, and a
// library here would be in the package every voter downloads first.

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
const DAY_MS = 24 * 60 * 60 * 1000;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The UTC midnight that stands for a date (a month or day past its end rolls over, as Date.UTC does). */
const midnightOf = (date: LocalDate) =>
  new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));

/** The UTC calendar date of an instant, 'YYYY-MM-DD'. */
function utcDate(instantMs: number): LocalDate {
  const at = new Date(instantMs);
  return localDate(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
}

const utcHour = (instantMs: number) => pad2(new Date(instantMs).getUTCHours());

/** How long a date written 'YYYY-MM-DD' is: the longest a date field takes. */
export const LOCAL_DATE_LENGTH = 10;

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDate(instantMs: number): LocalDate {
  return utcDate(instantMs + SHANGHAI_OFFSET_MS);
}

/** The Asia/Shanghai wall-clock time of an instant, 'HH:mm'. */
export function shanghaiTime(instantMs: number): string {
  const local = instantMs + SHANGHAI_OFFSET_MS;
  return `${utcHour(local)}:${pad2(new Date(local).getUTCMinutes())}`;
}

/** The Asia/Shanghai date and hour of an instant, 'YYYY-MM-DDTHH'. */
export function shanghaiHour(instantMs: number): string {
  return `${utcDate(instantMs + SHANGHAI_OFFSET_MS)}T${utcHour(instantMs + SHANGHAI_OFFSET_MS)}`;
}

/** True when `value` is a real calendar date written 'YYYY-MM-DD' (no 02-30). */
export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const parsed = midnightOf(value);
  return (
    parsed.getUTCFullYear() === Number(y) && parsed.getUTCMonth() + 1 === Number(m) && parsed.getUTCDate() === Number(d)
  );
}

export function localDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return utcDate(midnightOf(date).getTime() + days * DAY_MS);
}

/** Calendar days from `from` to `to`: 1 from a day to the next, negative when `to` is earlier. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((midnightOf(to).getTime() - midnightOf(from).getTime()) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return midnightOf(date).getUTCDay();
}

/** The Monday of the week (Monday to Sunday) that `date` is in. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is this month's last day.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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
  const from = yearMonth(date);
  const { year, month } = shiftMonth(from.year, from.month, months);
  return localDate(year, month, Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)));
}
