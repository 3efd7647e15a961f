import { shanghaiDate } from '../../domain/dates';

export type PeriodKey = 'year' | 'lastYear';
export const PERIOD_KEYS: readonly PeriodKey[] = ['year', 'lastYear'];

/**
 * The 履职 pages' periods: this year so far, or last year. "Today" is the phone's; the counts
 * themselves are the server's.
 */
export function periodOf(key: PeriodKey): { from: string; to: string; label: string } {
  const today = shanghaiDate(Date.now());
  const year = Number(today.slice(0, 4));
  if (key === 'lastYear') return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31`, label: `${year - 1}年` };
  return { from: `${year}-01-01`, to: today, label: `${year}年以来` };
}
