import { addWorkingDays, isOverdue, previousWorkingDay, replyDueDate } from '../../src/domain/deadlines';
import { createHolidayCalendar } from '../../src/domain/holiday-calendar';

// 2026 Spring Festival (国务院办公厅通知): Feb 15–23 off; Saturday Feb 14 and Saturday Feb 28 are
// make-up working days (调休上班).
const calendar = createHolidayCalendar();

describe('working days (China calendar)', () => {
  test.each`
    case                                                  | from            | n     | date
    ${'Friday + 1 skips the weekend'}                     | ${'2026-03-06'} | ${1}  | ${'2026-03-09'}
    ${'Thursday + 3 runs over the weekend'}               | ${'2026-03-05'} | ${3}  | ${'2026-03-10'}
    ${'from a Sunday, Monday is the first'}               | ${'2026-03-01'} | ${1}  | ${'2026-03-02'}
    ${'zero working days is the day itself'}              | ${'2026-03-04'} | ${0}  | ${'2026-03-04'}
    ${'a make-up Saturday counts (Feb 14)'}               | ${'2026-02-13'} | ${1}  | ${'2026-02-14'}
    ${'Spring Festival days off do not count'}            | ${'2026-02-13'} | ${2}  | ${'2026-02-24'}
    ${'10 working days over Spring Festival'}             | ${'2026-02-12'} | ${10} | ${'2026-03-04'}
    ${'the make-up Saturday Feb 28 counts'}               | ${'2026-02-26'} | ${2}  | ${'2026-02-28'}
    ${'a reply due 10 working days after Sunday 1 March'} | ${'2026-03-01'} | ${10} | ${'2026-03-13'}
    ${'National Day week 2026 (Oct 1–7 off)'}             | ${'2026-09-30'} | ${1}  | ${'2026-10-08'}
  `('$case: $from + $n → $date', ({ from, n, date }) => {
    expect(addWorkingDays(from, n, calendar)).toBe(date);
  });

  test('a reply is due 10 working days after assignment by default', () => {
    expect(replyDueDate('2026-03-01', calendar)).toBe('2026-03-13');
    expect(replyDueDate('2026-03-01', calendar, 5)).toBe('2026-03-06');
  });

  test.each`
    case                                                      | date            | previous
    ${'Monday → Friday'}                                      | ${'2026-03-09'} | ${'2026-03-06'}
    ${'Wednesday → Tuesday'}                                  | ${'2026-03-11'} | ${'2026-03-10'}
    ${'the first day after Spring Festival → make-up Feb 14'} | ${'2026-02-24'} | ${'2026-02-14'}
    ${'Monday 2 March → make-up Saturday Feb 28'}             | ${'2026-03-02'} | ${'2026-02-28'}
  `('the 催办 day before $date is $previous ($case)', ({ date, previous }) => {
    expect(previousWorkingDay(date, calendar)).toBe(previous);
  });

  test('overdue only once the due day has passed', () => {
    expect(isOverdue('2026-03-13', '2026-03-12')).toBe(false);
    expect(isOverdue('2026-03-13', '2026-03-13')).toBe(false);
    expect(isOverdue('2026-03-13', '2026-03-14')).toBe(true);
    expect(isOverdue('2026-03-13', '2027-01-01')).toBe(true);
  });
});
