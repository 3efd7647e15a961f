import { createHolidayCalendar, type HolidayArrangement } from '../../src/domain/holiday-calendar';
import { nextSessions, sessionDateForMonth, type SessionOverride } from '../../src/domain/reception-calendar';
import type { ReceptionRule } from '../../src/domain/station';

const calendar = createHolidayCalendar();
const rule = (oddMonthDay: number, evenMonthDay: number): ReceptionRule => ({
  oddMonthDay,
  evenMonthDay,
  start: '08:30',
  end: '11:30',
});

describe('a session falls on the rule day of its month, moved to the next working day', () => {
  test.each`
    case                                                | odd   | even  | year    | month | ruleDate        | date            | shiftedFor
    ${'an ordinary working day stays'}                  | ${5}  | ${20} | ${2026} | ${3}  | ${'2026-03-05'} | ${'2026-03-05'} | ${undefined}
    ${'even months use the even-month day'}             | ${5}  | ${20} | ${2026} | ${4}  | ${'2026-04-20'} | ${'2026-04-20'} | ${undefined}
    ${'day 31 in a 30-day month is its last day'}       | ${31} | ${31} | ${2026} | ${4}  | ${'2026-04-30'} | ${'2026-04-30'} | ${undefined}
    ${'day 30 in February is Feb 28 (a make-up day)'}   | ${30} | ${30} | ${2026} | ${2}  | ${'2026-02-28'} | ${'2026-02-28'} | ${undefined}
    ${'day 31 in a leap February is Feb 29'}            | ${31} | ${31} | ${2024} | ${2}  | ${'2024-02-29'} | ${'2024-02-29'} | ${undefined}
    ${'Spring Festival moves to the first working day'} | ${17} | ${17} | ${2026} | ${2}  | ${'2026-02-17'} | ${'2026-02-24'} | ${'春节'}
    ${'a make-up working Saturday is kept'}             | ${14} | ${14} | ${2026} | ${2}  | ${'2026-02-14'} | ${'2026-02-14'} | ${undefined}
    ${'a make-up working Sunday is kept'}               | ${20} | ${20} | ${2026} | ${9}  | ${'2026-09-20'} | ${'2026-09-20'} | ${undefined}
    ${'National Day week moves to Oct 8'}               | ${1}  | ${1}  | ${2026} | ${10} | ${'2026-10-01'} | ${'2026-10-08'} | ${'国庆节'}
    ${'an ordinary Saturday moves to Monday'}           | ${7}  | ${7}  | ${2026} | ${3}  | ${'2026-03-07'} | ${'2026-03-09'} | ${'周末'}
    ${'Qingming moves past the long weekend'}           | ${5}  | ${5}  | ${2026} | ${4}  | ${'2026-04-05'} | ${'2026-04-07'} | ${'清明'}
  `('$case', ({ odd, even, year, month, ruleDate, date, shiftedFor }) => {
    const result = sessionDateForMonth(rule(odd, even), year, month, calendar);
    expect(result.ruleDate).toBe(ruleDate);
    expect(result.date).toBe(date);
    expect(result.shiftedFor).toBe(shiftedFor);
    expect(result.provisional).toBe(false);
  });
});

describe('a year whose official arrangement is not published', () => {
  test('uses the statutory holidays and marks the session provisional', () => {
    // 2027: lunar new year is Feb 6, so the statutory days off are Feb 5–8.
    const result = sessionDateForMonth(rule(5, 5), 2027, 2, calendar);
    expect(result.ruleDate).toBe('2027-02-05');
    expect(result.date).toBe('2027-02-09');
    expect(result.shiftedFor).toBe('春节');
    expect(result.provisional).toBe(true);
  });

  test('National Day 1–3 October is off by law', () => {
    const result = sessionDateForMonth(rule(1, 1), 2027, 10, calendar);
    expect(result.date).toBe('2027-10-04');
    expect(result.provisional).toBe(true);
  });

  test('loading the published arrangement as data replaces the fallback', () => {
    const published: HolidayArrangement = {
      year: 2027,
      holidays: [
        '2027-02-05',
        '2027-02-06',
        '2027-02-07',
        '2027-02-08',
        '2027-02-09',
        '2027-02-10',
        '2027-02-11',
        '2027-02-12',
        '2027-02-13',
      ].map((date) => ({ date, name: '春节' })),
      workdays: [{ date: '2027-02-14', name: '春节' }],
    };
    const loaded = createHolidayCalendar([published]);
    const result = sessionDateForMonth(rule(5, 5), 2027, 2, loaded);
    expect(result.date).toBe('2027-02-14');
    expect(result.provisional).toBe(false);
    expect(loaded.hasOfficialArrangement(2027)).toBe(true);
    expect(calendar.hasOfficialArrangement(2027)).toBe(false);
  });
});

describe('the next sessions of a station', () => {
  const base = { rule: rule(5, 20), calendar, overrides: [] as SessionOverride[] };

  test('are the next N dates from today, today included', () => {
    const sessions = nextSessions({ ...base, today: '2026-03-05', count: 3 });
    expect(sessions.map((s) => s.date)).toEqual(['2026-03-05', '2026-04-20', '2026-05-06']);
    expect(sessions[2]?.shiftedFor).toBe('劳动节');
  });

  test('a session already past this month is skipped', () => {
    const sessions = nextSessions({ ...base, today: '2026-03-06', count: 2 });
    expect(sessions.map((s) => s.date)).toEqual(['2026-04-20', '2026-05-06']);
  });

  test('a month-end rule shifted into the next month is still found', () => {
    // Jan 31 2026 is a Saturday: the January session is held on Monday Feb 2.
    const sessions = nextSessions({ ...base, rule: rule(31, 1), today: '2026-02-01', count: 2 });
    expect(sessions.map((s) => [s.month, s.date])).toEqual([
      ['2026-01', '2026-02-02'],
      ['2026-02', '2026-02-02'],
    ]);
  });

  test('overrides: cancelled shows with its reason and does not count, moved and themed apply', () => {
    const overrides: SessionOverride[] = [
      { stationId: 's', month: '2026-04', cancelled: true, reason: '代表集中培训' },
      { stationId: 's', month: '2026-05', movedTo: '2026-05-12', reason: '与县人代会冲突' },
      { stationId: 's', month: '2026-06', theme: '剿劣治水', deputyIds: ['d1'] },
    ];
    const sessions = nextSessions({ ...base, overrides, today: '2026-04-01', count: 2 });
    expect(sessions.map((s) => [s.date, s.status, s.reason ?? s.theme])).toEqual([
      ['2026-04-20', 'cancelled', '代表集中培训'],
      ['2026-05-12', 'moved', '与县人代会冲突'],
      ['2026-06-22', 'scheduled', '剿劣治水'],
    ]);
    expect(sessions[2]?.deputyIds).toEqual(['d1']);
  });

  test('the first sessions of an unpublished year are marked provisional', () => {
    const sessions = nextSessions({ ...base, today: '2026-11-26', count: 4 });
    expect(sessions.map((s) => [s.date, s.provisional])).toEqual([
      ['2026-12-21', false],
      ['2027-01-05', true],
      ['2027-02-22', true],
      ['2027-03-05', true],
    ]);
  });
});
