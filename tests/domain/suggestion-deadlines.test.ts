import { createHolidayCalendar } from '../../src/domain/holiday-calendar';
import {
  answerDueDate,
  coViewDueDate,
  decisionDueDate,
  latestExtendedDueDate,
  redoDueDate,
  unitReminderDate,
} from '../../src/domain/suggestion-deadlines';

// The calendar the app has: 2026 Spring Festival Feb 15–23 off, Saturdays Feb 14 and Feb 28
// make-up working days; National Day Oct 1–7 off, Sunday Sep 20 and Saturday Oct 10 make-up days.
const calendar = createHolidayCalendar();

describe('the committee decides within 5 working days of submission', () => {
  test.each`
    case                                                      | submittedOn     | due
    ${'Monday → Monday'}                                      | ${'2026-03-02'} | ${'2026-03-09'}
    ${'Thursday: the weekend does not count'}                 | ${'2026-03-05'} | ${'2026-03-12'}
    ${'Saturday: counted from Monday'}                        | ${'2026-03-07'} | ${'2026-03-13'}
    ${'before the Spring Festival: Feb 14 counts, 15–23 not'} | ${'2026-02-12'} | ${'2026-02-26'}
    ${'in the Spring Festival: make-up Saturday Feb 28 last'} | ${'2026-02-16'} | ${'2026-02-28'}
    ${'before National Day: Oct 1–7 off, Sat Oct 10 counts'}  | ${'2026-09-29'} | ${'2026-10-12'}
    ${'make-up Sunday Sep 20 counts'}                         | ${'2026-09-18'} | ${'2026-09-24'}
  `('$case: $submittedOn → $due', ({ submittedOn, due }) => {
    expect(decisionDueDate(submittedOn, calendar)).toBe(due);
  });

  test('a holiday arrangement the committee loads is followed', () => {
    // A made-up year with Monday 2 March off and Saturday 7 March worked.
    const loaded = createHolidayCalendar([
      {
        year: 2026,
        holidays: [{ date: '2026-03-02', name: '假日' }],
        workdays: [{ date: '2026-03-07', name: '假日' }],
      },
    ]);
    expect(decisionDueDate('2026-02-27', loaded)).toBe('2026-03-07');
    expect(decisionDueDate('2026-02-27', calendar)).toBe('2026-03-05');
  });
});

describe('the months a unit has run by the calendar, not by working days', () => {
  test.each`
    case                                               | assignedOn      | due
    ${'the same day 3 months later'}                   | ${'2026-03-02'} | ${'2026-06-02'}
    ${'11-30 → 02-28: February has no 30th'}           | ${'2026-11-30'} | ${'2027-02-28'}
    ${'11-30 → 02-29 in a leap year'}                  | ${'2027-11-30'} | ${'2028-02-29'}
    ${'a due day on a holiday is not moved (Oct 1)'}   | ${'2026-07-01'} | ${'2026-10-01'}
    ${'over the turn of the year'}                     | ${'2026-12-15'} | ${'2027-03-15'}
    ${'the 31st becomes the month’s last day (06-30)'} | ${'2026-03-31'} | ${'2026-06-30'}
  `('answer due 3 months after 交办 ($case): $assignedOn → $due', ({ assignedOn, due }) => {
    expect(answerDueDate(assignedOn)).toBe(due);
  });

  test.each`
    assignedOn      | latest
    ${'2026-03-02'} | ${'2026-09-02'}
    ${'2026-08-31'} | ${'2027-02-28'}
    ${'2027-08-31'} | ${'2028-02-29'}
  `('an extension reaches at most 6 months after 交办: $assignedOn → $latest', ({ assignedOn, latest }) => {
    expect(latestExtendedDueDate(assignedOn)).toBe(latest);
  });

  test('the 协办 units’ views are due 1 month after 交办, a 再办 answer 1 month after the 不满意', () => {
    expect(coViewDueDate('2026-03-02')).toBe('2026-04-02');
    expect(coViewDueDate('2026-01-31')).toBe('2026-02-28');
    expect(redoDueDate('2026-06-10')).toBe('2026-07-10');
    expect(redoDueDate('2028-01-30')).toBe('2028-02-29');
  });

  test('the latest extension is always after the first due date', () => {
    for (const day of ['2026-01-31', '2026-02-28', '2026-08-31', '2026-11-30', '2027-05-31']) {
      expect(latestExtendedDueDate(day) > answerDueDate(day)).toBe(true);
    }
  });
});

describe('a unit is reminded 5 working days before its due date', () => {
  test.each`
    case                                                             | due             | remindOn
    ${'Friday → the Friday before'}                                  | ${'2026-03-13'} | ${'2026-03-06'}
    ${'Wednesday → the Wednesday before'}                            | ${'2026-06-10'} | ${'2026-06-03'}
    ${'after the Spring Festival: told before the holiday (Feb 12)'} | ${'2026-02-26'} | ${'2026-02-12'}
    ${'Monday 2 March: make-up Saturday Feb 28 counts'}              | ${'2026-03-02'} | ${'2026-02-24'}
    ${'in National Day week: Mid-Autumn Sep 25 skipped too'}         | ${'2026-10-05'} | ${'2026-09-23'}
  `('$case: due $due → reminded $remindOn', ({ due, remindOn }) => {
    expect(unitReminderDate(due, calendar)).toBe(remindOn);
  });

  test('the reminder is a working day, strictly before the due date', () => {
    for (const due of ['2026-02-26', '2026-03-02', '2026-10-05', '2026-10-08', '2026-06-02']) {
      const day = unitReminderDate(due, calendar);
      expect(calendar.isWorkingDay(day)).toBe(true);
      expect(day < due).toBe(true);
    }
  });
});
