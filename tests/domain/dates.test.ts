import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  formatDateZh,
  isLocalDate,
  mondayOf,
  shanghaiDate,
  shanghaiHour,
  shanghaiTime,
} from '../../src/domain/dates';

describe('dates are Asia/Shanghai whatever the process time zone', () => {
  test('an instant late on the UTC day is already the next day in Shanghai', () => {
    const instant = Date.UTC(2026, 1, 16, 17, 30); // 2026-02-17 01:30 in Shanghai
    expect(shanghaiDate(instant)).toBe('2026-02-17');
    expect(shanghaiTime(instant)).toBe('01:30');
  });

  test('the hour of an instant is Shanghai’s too', () => {
    expect(shanghaiHour(Date.UTC(2026, 1, 16, 17, 30))).toBe('2026-02-17T01');
  });

  test('a week runs Monday to Sunday: its Monday names it', () => {
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2027-01-03')).toBe('2026-12-28');
  });

  test('the day before, at Shanghai noon', () => {
    expect(shanghaiDate(Date.UTC(2026, 1, 16, 4, 0))).toBe('2026-02-16');
  });

  test('only real calendar dates are dates', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('2026-2-3')).toBe(false);
    expect(isLocalDate('tomorrow')).toBe(false);
  });

  test('a date reads as month, day and weekday in Chinese', () => {
    expect(formatDateZh('2026-03-05')).toBe('3月5日 周四');
  });

  test('days between two dates count calendar days, across months and leap days', () => {
    expect(daysBetween('2026-03-05', '2026-03-06')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-06', '2026-03-05')).toBe(-1);
  });

  test('a month later is the same day, or the month’s last day when it has no such day', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30');
    expect(addMonths('2026-05-15', 12)).toBe('2027-05-15');
  });

  test('days are added across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect([daysInMonth(2026, 2), daysInMonth(2028, 2), daysInMonth(2026, 12)]).toEqual([28, 29, 31]);
  });
});
