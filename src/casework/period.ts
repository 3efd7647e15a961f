import { addDays, shanghaiDate } from '../domain/dates';

/** The periods the figures pages offer: this year so far, the last 30 days, last year. */
export type PeriodKey = 'year' | 'days30' | 'lastYear';

/** What most figures pages offer: this year so far, or last year. */
export const PERIOD_KEYS: readonly PeriodKey[] = ['year', 'lastYear'];

/**
 * A period's first and last day and its label. "Today" is the phone's; the figures themselves are
 * the server's.
 */
export function periodOf(key: PeriodKey): { from: string; to: string; label: string } {
  const today = shanghaiDate(Date.now());
  const year = Number(today.slice(0, 4));
  if (key === 'days30') return { from: addDays(today, -29), to: today, label: '近30天' };
  if (key === 'lastYear') return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31`, label: `${year - 1}年` };
  return { from: `${year}-01-01`, to: today, label: `${year}年以来` };
}
