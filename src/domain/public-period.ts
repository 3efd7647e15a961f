import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { LocalDate } from './dates';
import type { Period } from './figures';

dayjs.extend(utc);

/*
 * The periods of the public figures (reports.publicStats): whole calendar months. A day or a
 * week at a small station is one or two people; and two periods a day apart would give that
 * day by subtraction. Whole months keep any two public periods at least a month apart
 * (docs/API.md, publicStats, says what a difference of months still shows).
 */

/**
 * True when a period is whole calendar months: `from` the 1st of a month, `to` the last day of
 * a month (28, 29, 30 or 31). A public period must be.
 */
export function isWholeMonths(period: Period): boolean {
  return period.from.endsWith('-01') && dayjs.utc(period.to).endOf('month').format('YYYY-MM-DD') === period.to;
}

/**
 * The period the public page asks for on `today`: the year so far, in whole months — from
 * 1 January to the last day of this month (its days still ahead have nothing yet to count).
 */
export function publicPeriodOf(today: LocalDate): Period {
  return { from: `${today.slice(0, 4)}-01-01`, to: dayjs.utc(today).endOf('month').format('YYYY-MM-DD') };
}
