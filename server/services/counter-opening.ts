import { CATEGORY_IDS } from '../../src/domain/categories';
import type { Clock } from '../../src/domain/dates';
import { monthsToOpen, openingKeys } from '../../src/domain/figure-counters';
import type { Store } from '../ports/store';

/**
 * Counters one run may create: about a second of writes, well within the scheduler's timeout. A
 * county's month (hundreds of stations × deputies × categories) is opened over a few days' runs,
 * which start with the month before it.
 */
export const OPENING_LIMIT = 2_000;

/**
 * The scheduler's daily job: open this month's and next month's figure counters
 * (src/domain/figure-counters.ts, openingKeys) that are not there yet, this month's first. On
 * CloudBase an opinion's change raises its counter with one `inc`, and one more write creates it
 * when it is the first of its month, station, deputy and category; opened ahead, a voter's submit
 * never waits for that write. Zero counters change no figure: a report adds them as nothing.
 */
export async function openMonthCounters(store: Store, clock: Clock): Promise<{ months: string[]; opened: number }> {
  const months = monthsToOpen(clock.now());
  const [stations, deputies] = await Promise.all([store.listStations(), store.listDeputies()]);
  const keys = months.flatMap((month) => openingKeys(month, stations, deputies, CATEGORY_IDS));
  return { months, opened: await store.openFigureCounters(keys, OPENING_LIMIT) };
}
