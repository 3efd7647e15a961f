import type { LocalDate } from '../../src/domain/dates';
import type { HeldSession } from '../../src/domain/evaluation';
import { createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { sessionOfMonth } from '../../src/domain/reception-calendar';
import type { Station } from '../../src/domain/station';
import type { Store } from '../ports/store';

/** A session staff recorded for a month: its station, date, whether cancelled, duty list and theme. */
export interface RecordedSession extends HeldSession {
  stationId: string;
  theme?: string;
}

/**
 * The sessions of `stationIds` that staff recorded (an override of the month: a duty list, a
 * theme, a move or a cancellation) dated within [from, to]. Only such a month has a duty list or
 * a theme: the other months' sessions had nobody named on duty and no theme. Whether a session
 * was held by a given day is the caller's to decide (`sessionsOnDuty`, or a date check).
 */
export async function recordedSessions(
  store: Pick<Store, 'listSessionOverrides' | 'listHolidayArrangements'>,
  stations: readonly Station[],
  stationIds: readonly string[],
  period: { from: LocalDate; to: LocalDate },
): Promise<RecordedSession[]> {
  const [overrides, arrangements] = await Promise.all([
    store.listSessionOverrides(stationIds, period.from.slice(0, 7)),
    store.listHolidayArrangements(),
  ]);
  const calendar = createHolidayCalendar(arrangements);
  const sessions: RecordedSession[] = [];
  for (const o of overrides) {
    const station = stations.find((s) => s.id === o.stationId);
    if (!station || o.month > period.to.slice(0, 7)) continue;
    const [year, month] = o.month.split('-').map(Number) as [number, number];
    const session = sessionOfMonth(station.receptionRule, year, month, calendar, o);
    if (session.date < period.from || session.date > period.to) continue;
    sessions.push({
      stationId: o.stationId,
      date: session.date,
      cancelled: session.status === 'cancelled',
      deputyIds: session.deputyIds,
      ...(session.theme ? { theme: session.theme } : {}),
    });
  }
  return sessions;
}
