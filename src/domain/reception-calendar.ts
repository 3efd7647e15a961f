import { addDays, daysInMonth, type LocalDate, localDate, monthKey, shiftMonth, yearMonth } from './dates';
import type { HolidayCalendar } from './holiday-calendar';
import type { ReceptionRule } from './station';

/**
 * What staff changed about one month's session of a station. A station holds one
 * session a month, so the month ('YYYY-MM') names the session: it stays the same key
 * even if a newly published holiday arrangement shifts the computed date.
 */
export interface SessionOverride {
  stationId: string;
  month: string;
  cancelled?: boolean;
  /** The new date when the session was moved. */
  movedTo?: LocalDate;
  /** Told to voters when a session is cancelled or moved. */
  reason?: string;
  /** e.g. 剿劣 — the month's theme (接待日主题). */
  theme?: string;
  /** Deputies on duty; empty means all of the station's deputies. */
  deputyIds?: string[];
  start?: string;
  end?: string;
}

export type SessionStatus = 'scheduled' | 'moved' | 'cancelled';

/** A concrete reception day (接待日). */
export interface ReceptionSession {
  month: string;
  date: LocalDate;
  start: string;
  end: string;
  status: SessionStatus;
  /** The date the rule gives before a holiday shift or a move. */
  ruleDate: LocalDate;
  /** Why the date differs from the rule: the holiday it was moved past. */
  shiftedFor?: string;
  theme?: string;
  reason?: string;
  deputyIds: string[];
  /** The year's holiday arrangement is not published yet: the date may still change (待公布). */
  provisional: boolean;
}

/** The rule's day for a month: odd months use oddMonthDay, even months evenMonthDay. */
export function ruleDay(rule: ReceptionRule, month: number): number {
  return month % 2 === 1 ? rule.oddMonthDay : rule.evenMonthDay;
}

/**
 * The date of a station's session in a month by its rule alone: the rule's day, clamped
 * to the month's last day (the 31st of April is the 30th), then moved forward to the next
 * working day if it falls on a weekend or public holiday, counting make-up working days
 * (调休上班) as working days.
 */
export function sessionDateForMonth(
  rule: ReceptionRule,
  year: number,
  month: number,
  calendar: HolidayCalendar,
): { ruleDate: LocalDate; date: LocalDate; shiftedFor?: string; provisional: boolean } {
  const ruleDate = localDate(year, month, Math.min(ruleDay(rule, month), daysInMonth(year, month)));
  let date = ruleDate;
  let shiftedFor: string | undefined;
  let info = calendar.describe(date);
  const provisional = info.provisional;
  // A year has at most 9 consecutive days off; the bound only guards against bad data.
  for (let guard = 0; !info.working && guard < 31; guard += 1) {
    shiftedFor ??= info.holidayName ?? '周末';
    date = addDays(date, 1);
    info = calendar.describe(date);
  }
  return { ruleDate, date, provisional: provisional || info.provisional, ...(shiftedFor ? { shiftedFor } : {}) };
}

export interface NextSessionsInput {
  rule: ReceptionRule;
  calendar: HolidayCalendar;
  overrides: readonly SessionOverride[];
  /** Today in Asia/Shanghai. */
  today: LocalDate;
  /** How many sessions that will take place to return. */
  count: number;
}

/**
 * The next `count` sessions on or after `today`, in date order, with staff overrides
 * applied: a moved session takes its new date, a themed one carries its theme. Cancelled
 * sessions are listed too (voters must see that a session they expected will not happen)
 * but do not count towards `count`.
 */
export function nextSessions(input: NextSessionsInput): ReceptionSession[] {
  const { rule, calendar, overrides, today, count } = input;
  if (count <= 0) return [];
  const byMonth = new Map(overrides.map((o) => [o.month, o]));
  const start = yearMonth(today);
  const collected: ReceptionSession[] = [];
  let held = 0;
  // A moved session may land after the next month's, so look two months past the point
  // where enough sessions were found before sorting and cutting.
  for (let offset = -1, extra = 0; offset < count * 3 + 24 && extra < 2; offset += 1) {
    const { year, month } = shiftMonth(start.year, start.month, offset);
    const session = sessionOfMonth(rule, year, month, calendar, byMonth.get(monthKey(year, month)));
    if (session.date >= today) {
      collected.push(session);
      if (session.status !== 'cancelled') held += 1;
    }
    if (held >= count) extra += 1;
  }
  collected.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const result: ReceptionSession[] = [];
  let taken = 0;
  for (const session of collected) {
    if (taken >= count) break;
    result.push(session);
    if (session.status !== 'cancelled') taken += 1;
  }
  return result;
}

/**
 * A station's session in one month: the rule's date (sessionDateForMonth) with the staff's
 * override for that month applied — a cancelled session keeps its date with status cancelled,
 * a moved one takes its new date, a themed one carries its theme and deputies on duty.
 */
export function sessionOfMonth(
  rule: ReceptionRule,
  year: number,
  month: number,
  calendar: HolidayCalendar,
  override: SessionOverride | undefined,
): ReceptionSession {
  return applyOverride(rule, monthKey(year, month), sessionDateForMonth(rule, year, month, calendar), override);
}

function applyOverride(
  rule: ReceptionRule,
  month: string,
  computed: ReturnType<typeof sessionDateForMonth>,
  override: SessionOverride | undefined,
): ReceptionSession {
  const base: ReceptionSession = {
    month,
    date: computed.date,
    ruleDate: computed.ruleDate,
    start: override?.start ?? rule.start,
    end: override?.end ?? rule.end,
    status: 'scheduled',
    deputyIds: override?.deputyIds ?? [],
    provisional: computed.provisional,
    ...(computed.shiftedFor ? { shiftedFor: computed.shiftedFor } : {}),
    ...(override?.theme ? { theme: override.theme } : {}),
    ...(override?.reason ? { reason: override.reason } : {}),
  };
  if (override?.cancelled) return { ...base, status: 'cancelled' };
  // A date staff chose by hand is not provisional: they fixed it knowing the calendar.
  if (override?.movedTo) return { ...base, status: 'moved', date: override.movedTo, provisional: false };
  return base;
}
