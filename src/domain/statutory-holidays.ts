import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import { addDays, type LocalDate, localDate } from './dates';

export interface NamedDate {
  date: LocalDate;
  name: string;
}

// chinese-days builds its dates as UTC midnights and reads them back with local-time
// getters, so in a process whose TZ is west of UTC a date it formats from a string comes
// out one day early. Its lunar conversion takes a local Date instead and is exact in any
// zone; for the solar term we undo the shift, whose size we measure once here.
const SOLAR_TERM_SHIFT_DAYS = new Date(Date.UTC(2000, 0, 1)).getDate() === 1 ? 0 : 1;

function lunarToSolar(year: number, lunarMonth: number, lunarDay: number): LocalDate {
  return getSolarDateFromLunar(new Date(year, lunarMonth - 1, lunarDay)).date;
}

function range(first: LocalDate, days: number, name: string): NamedDate[] {
  return Array.from({ length: days }, (_, i) => ({ date: addDays(first, i), name }));
}

// Computed once per year: the lunar conversions cost more than anything else in choosing a
// session date, and every routing of an opinion asks for next year's near the year's end.
const byYear = new Map<number, readonly NamedDate[]>();

/**
 * The public holidays that the law itself fixes for a year (全国年节及纪念日放假办法, as
 * amended in 2024): New Year's Day; Spring Festival eve to the 3rd day; Qingming; 1–2 May;
 * Dragon Boat; Mid-Autumn; 1–3 October. The State Council's yearly arrangement adds
 * bridging days and make-up working days on top of these; until it is published this is
 * all that is certain, so sessions computed from it are provisional (待公布).
 */
export function statutoryHolidays(year: number): readonly NamedDate[] {
  let holidays = byYear.get(year);
  if (!holidays) {
    holidays = Object.freeze(computeStatutoryHolidays(year).map((d) => Object.freeze(d)));
    byYear.set(year, holidays);
  }
  return holidays;
}

function computeStatutoryHolidays(year: number): NamedDate[] {
  const lunarNewYear = lunarToSolar(year, 1, 1);
  const qingming = addDays(getSolarTermDate(year, 4, 'pure_brightness'), SOLAR_TERM_SHIFT_DAYS);
  return [
    { date: localDate(year, 1, 1), name: '元旦' },
    ...range(addDays(lunarNewYear, -1), 4, '春节'),
    { date: qingming, name: '清明节' },
    ...range(localDate(year, 5, 1), 2, '劳动节'),
    { date: lunarToSolar(year, 5, 5), name: '端午节' },
    { date: lunarToSolar(year, 8, 15), name: '中秋节' },
    ...range(localDate(year, 10, 1), 3, '国庆节'),
  ];
}
