import bundled from 'chinese-days/dist/chinese-days.json';
import { type LocalDate, weekday } from './dates';
import { statutoryHolidays } from './statutory-holidays';

/**
 * A year's official holiday arrangement (国务院办公厅关于某年部分节假日安排的通知): the days off
 * and the make-up working days (调休上班). Admins load one as data when it is published.
 */
export interface HolidayArrangement {
  year: number;
  holidays: Array<{ date: LocalDate; name: string }>;
  workdays: Array<{ date: LocalDate; name: string }>;
}

export interface DayInfo {
  date: LocalDate;
  working: boolean;
  /** The holiday a day off belongs to, or the holiday a make-up working day serves. */
  holidayName?: string;
  /** A weekend day that is a working day by the arrangement (调休上班). */
  makeUpWorkday: boolean;
  /** No official arrangement is known for the year: only the statutory days are used. */
  provisional: boolean;
}

/**
 * Where a year's days off come from: an arrangement the committee loaded, the maintained
 * `chinese-days` package, or — nothing published yet — the statutory holidays alone (待公布).
 */
export type ArrangementSource = 'loaded' | 'package' | 'statutory';

export interface HolidayCalendar {
  describe(date: LocalDate): DayInfo;
  isWorkingDay(date: LocalDate): boolean;
  /** Whether the official arrangement of `year` is known. */
  hasOfficialArrangement(year: number): boolean;
  /** Where the days off of `year` come from. */
  sourceOf(year: number): ArrangementSource;
  /** The days off and make-up working days the calendar uses for `year`, in date order. */
  arrangementOf(year: number): HolidayArrangement;
}

interface YearTable {
  holidays: Map<LocalDate, string>;
  workdays: Map<LocalDate, string>;
  source: ArrangementSource;
}

type BundledTable = Record<string, string>;

/** chinese-days names each day "English,中文,N"; keep the Chinese name. */
function chineseName(label: string): string {
  const parts = label.split(',');
  return parts[1] ?? parts[0] ?? '';
}

function bundledYears(): Map<number, YearTable> {
  const years = new Map<number, YearTable>();
  const tableFor = (date: string): YearTable => {
    const year = Number(date.slice(0, 4));
    let table = years.get(year);
    if (!table) {
      table = { holidays: new Map(), workdays: new Map(), source: 'package' };
      years.set(year, table);
    }
    return table;
  };
  for (const [date, label] of Object.entries(bundled.holidays as BundledTable))
    tableFor(date).holidays.set(date, chineseName(label));
  for (const [date, label] of Object.entries(bundled.workdays as BundledTable))
    tableFor(date).workdays.set(date, chineseName(label));
  return years;
}

let bundledCache: Map<number, YearTable> | undefined;

/**
 * The China working-day calendar. A day is a working day when the year's arrangement
 * makes it one (调休上班), or when it is Monday–Friday and not a day off. The
 * arrangement of a year comes from, in order: what an admin loaded, the maintained
 * `chinese-days` package, or — for a year not yet published — the statutory holidays
 * alone, and then every day of that year is marked provisional.
 */
export function createHolidayCalendar(loaded: readonly HolidayArrangement[] = []): HolidayCalendar {
  bundledCache ??= bundledYears();
  const fromAdmin = new Map<number, YearTable>(
    loaded.map((arrangement) => [
      arrangement.year,
      {
        holidays: new Map(arrangement.holidays.map((d) => [d.date, d.name])),
        workdays: new Map(arrangement.workdays.map((d) => [d.date, d.name])),
        source: 'loaded',
      },
    ]),
  );
  const statutory = new Map<number, YearTable>();

  const tableOf = (year: number): YearTable => {
    const known = fromAdmin.get(year) ?? bundledCache?.get(year);
    if (known) return known;
    let fallback = statutory.get(year);
    if (!fallback) {
      fallback = {
        holidays: new Map(statutoryHolidays(year).map((d) => [d.date, d.name])),
        workdays: new Map(),
        source: 'statutory',
      };
      statutory.set(year, fallback);
    }
    return fallback;
  };

  const describe = (date: LocalDate): DayInfo => {
    const table = tableOf(Number(date.slice(0, 4)));
    const provisional = table.source === 'statutory';
    const day = weekday(date);
    const weekend = day === 0 || day === 6;
    const makeUpName = table.workdays.get(date);
    const holidayName = table.holidays.get(date);
    if (makeUpName !== undefined) {
      return { date, working: true, holidayName: makeUpName, makeUpWorkday: weekend, provisional };
    }
    if (holidayName !== undefined) {
      return { date, working: false, holidayName, makeUpWorkday: false, provisional };
    }
    return { date, working: !weekend, makeUpWorkday: false, provisional };
  };

  return {
    describe,
    isWorkingDay: (date) => describe(date).working,
    hasOfficialArrangement: (year) => tableOf(year).source !== 'statutory',
    sourceOf: (year) => tableOf(year).source,
    arrangementOf: (year) => {
      const table = tableOf(year);
      const days = (map: Map<LocalDate, string>) =>
        [...map].map(([date, name]) => ({ date, name })).sort((a, b) => (a.date < b.date ? -1 : 1));
      return { year, holidays: days(table.holidays), workdays: days(table.workdays) };
    },
  };
}
