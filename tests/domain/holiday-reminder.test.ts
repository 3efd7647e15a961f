import { createHolidayCalendar, type HolidayArrangement } from '../../src/domain/holiday-calendar';
import { holidayArrangementDue } from '../../src/domain/holiday-reminder';

// The installed chinese-days covers 2004–2026: 2027 has only the statutory holidays (待公布).
const loaded2027: HolidayArrangement = {
  year: 2027,
  holidays: [{ date: '2027-01-01', name: '元旦' }],
  workdays: [],
};
const packageOnly = createHolidayCalendar();
const with2027 = createHolidayCalendar([loaded2027]);

/** An instant given as Shanghai wall-clock time (UTC+8). */
const shanghai = (iso: string) => Date.parse(`${iso}+08:00`);

describe('from 1 November the committee is reminded while next year’s arrangement is missing', () => {
  test.each`
    case                                                   | at                       | calendar       | due
    ${'31 October, the last minute: not yet'}              | ${'2026-10-31T23:59:59'} | ${packageOnly} | ${null}
    ${'1 November, midnight in Shanghai: due for 2027'}    | ${'2026-11-01T00:00:00'} | ${packageOnly} | ${{ year: 2027 }}
    ${'31 December, 2027 still missing: due'}              | ${'2026-12-31T23:59:59'} | ${packageOnly} | ${{ year: 2027 }}
    ${'1 November, 2027 loaded by the committee: nothing'} | ${'2026-11-01T00:00:00'} | ${with2027}    | ${null}
    ${'1 November 2025, 2026 in chinese-days: nothing'}    | ${'2025-11-01T00:00:00'} | ${packageOnly} | ${null}
    ${'mid-year, next year not published: not yet'}        | ${'2026-06-15T12:00:00'} | ${packageOnly} | ${null}
    ${'January 2027, 2027 never loaded: the current year'} | ${'2027-01-05T09:00:00'} | ${packageOnly} | ${{ year: 2027 }}
    ${'January 2027, 2027 loaded: nothing'}                | ${'2027-01-05T09:00:00'} | ${with2027}    | ${null}
    ${'November 2027, 2027 loaded, 2028 missing: 2028'}    | ${'2027-11-01T00:00:00'} | ${with2027}    | ${{ year: 2028 }}
  `('$case', ({ at, calendar, due }) => {
    expect(holidayArrangementDue(shanghai(at), calendar)).toEqual(due);
  });

  test('the boundary is Shanghai’s midnight, whatever the server’s clock zone: 31 Oct 16:00 UTC is 1 Nov', () => {
    expect(holidayArrangementDue(Date.UTC(2026, 9, 31, 15, 59, 59), packageOnly)).toBeNull();
    expect(holidayArrangementDue(Date.UTC(2026, 9, 31, 16, 0, 0), packageOnly)).toEqual({ year: 2027 });
  });
});
