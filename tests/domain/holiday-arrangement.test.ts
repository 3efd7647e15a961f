import {
  arrangementFromNotice,
  arrangementProblem,
  type NoticeHoliday,
  noticeOf,
  suggestedWorkday,
} from '../../src/domain/holiday-arrangement';
import { createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { statutoryNotice } from '../../src/domain/statutory-notice';
import { holidayArrangementInput, parseInput } from '../../src/domain/schemas';

// 2027 as a notice could read (lunar new year is 6 February 2027).
const springFestival: NoticeHoliday = {
  name: '春节',
  from: '2027-02-05',
  to: '2027-02-11',
  workdays: ['2027-01-31', '2027-02-20'],
};
const newYear: NoticeHoliday = { name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] };

describe('a notice entered holiday by holiday becomes the days the calendar uses', () => {
  test('each day of a rest range is a day off, and each make-up day a working day, under its holiday', () => {
    const result = arrangementFromNotice(2027, [newYear, springFestival]);
    expect(result).toEqual({
      ok: true,
      arrangement: {
        year: 2027,
        holidays: [
          ...['01', '02', '03'].map((d) => ({ date: `2027-01-${d}`, name: '元旦' })),
          ...['05', '06', '07', '08', '09', '10', '11'].map((d) => ({ date: `2027-02-${d}`, name: '春节' })),
        ],
        workdays: [
          { date: '2027-01-31', name: '春节' },
          { date: '2027-02-20', name: '春节' },
        ],
      },
    });
  });

  test('read back, the arrangement is the same notice lines', () => {
    const result = arrangementFromNotice(2027, [newYear, springFestival]);
    if (!result.ok) throw new Error(result.message);
    expect(noticeOf(result.arrangement)).toEqual([newYear, springFestival]);
  });

  test.each`
    case                                         | notice                                                                                    | message
    ${'nothing entered'}                         | ${[]}                                                                                     | ${'请至少填写一个节日'}
    ${'a holiday entered twice'}                 | ${[newYear, { ...newYear, from: '2027-01-04', to: '2027-01-04' }]}                        | ${'元旦填写了两次'}
    ${'a rest range outside the year'}           | ${[{ ...newYear, from: '2026-12-31' }]}                                                   | ${'元旦的放假日期须在2027年内'}
    ${'a range that ends before it starts'}      | ${[{ ...springFestival, from: '2027-02-11', to: '2027-02-05' }]}                          | ${'春节的放假结束日不能早于开始日'}
    ${'a working day inside its own rest range'} | ${[{ ...springFestival, workdays: ['2027-02-06'] }]}                                      | ${'春节的调休上班日2月6日在放假期间内'}
    ${'two holidays sharing days off'}           | ${[springFestival, { name: '元宵', from: '2027-02-11', to: '2027-02-12', workdays: [] }]} | ${'春节和元宵的放假日期重叠'}
    ${'a working day inside another holiday'}    | ${[newYear, { ...springFestival, workdays: ['2027-01-02'] }]}                             | ${'同一天不能既放假又调休上班'}
    ${'a make-up working day entered twice'}     | ${[{ ...springFestival, workdays: ['2027-01-31', '2027-01-31'] }]}                        | ${'1月31日在调休上班日期中重复填写'}
    ${'a make-up working day in the next year'}  | ${[{ ...springFestival, workdays: ['2028-01-02'] }]}                                      | ${'日期须都在2027年内'}
    ${'a make-up "working day" on a weekday'}    | ${[{ ...springFestival, workdays: ['2027-02-17'] }]}                                      | ${'调休上班日应是周六或周日，2月17日是星期三，请核对'}
    ${'more days off than any notice gives'}     | ${[{ ...newYear, to: '2027-03-31' }]}                                                     | ${'放假日期最多60天'}
  `('refused: $case', ({ notice, message }) => {
    expect(arrangementFromNotice(2027, notice)).toEqual({ ok: false, message });
  });
});

describe('the server checks what it is sent with the same rules', () => {
  const load = (input: unknown) => () => parseInput(holidayArrangementInput, input);

  test.each`
    case                            | holidays                                                                        | workdays                                  | message
    ${'no day off at all'}          | ${[]}                                                                           | ${[]}                                     | ${'请至少填写一个放假日期'}
    ${'a day off listed twice'}     | ${[{ date: '2027-01-01', name: '元旦' }, { date: '2027-01-01', name: '元旦' }]} | ${[]}                                     | ${'1月1日在放假日期中重复填写'}
    ${'a day both off and worked'}  | ${[{ date: '2027-01-01', name: '元旦' }]}                                       | ${[{ date: '2027-01-01', name: '元旦' }]} | ${'同一天不能既放假又调休上班'}
    ${'a date of another year'}     | ${[{ date: '2028-01-01', name: '元旦' }]}                                       | ${[]}                                     | ${'日期须都在2027年内'}
    ${'a date that does not exist'} | ${[{ date: '2027-02-30', name: '春节' }]}                                       | ${[]}                                     | ${'日期须为 YYYY-MM-DD 格式的真实日期'}
  `('$case', ({ holidays, workdays, message }) => {
    expect(load({ year: 2027, holidays, workdays })).toThrow(message);
  });

  test('an arrangement the notice form produced passes', () => {
    const result = arrangementFromNotice(2027, [newYear, springFestival]);
    if (!result.ok) throw new Error(result.message);
    expect(arrangementProblem(result.arrangement)).toBeNull();
    expect(load(result.arrangement)()).toEqual(result.arrangement);
  });
});

describe('what the form starts from', () => {
  test('a year not published starts from its statutory holidays, one line each', () => {
    expect(statutoryNotice(2027).map((h) => [h.name, h.from, h.to])).toEqual([
      ['元旦', '2027-01-01', '2027-01-01'],
      ['春节', '2027-02-05', '2027-02-08'],
      ['清明节', '2027-04-05', '2027-04-05'],
      ['劳动节', '2027-05-01', '2027-05-02'],
      ['端午节', '2027-06-09', '2027-06-09'],
      ['中秋节', '2027-09-15', '2027-09-15'],
      ['国庆节', '2027-10-01', '2027-10-03'],
    ]);
  });

  test('a packaged year reads back as its notice: 2026’s Spring Festival, 15–23 February, two make-up days', () => {
    const lines = noticeOf(createHolidayCalendar().arrangementOf(2026));
    expect(lines.find((h) => h.name === '春节')).toEqual({
      name: '春节',
      from: '2026-02-15',
      to: '2026-02-23',
      workdays: ['2026-02-14', '2026-02-28'],
    });
  });

  test('a make-up day offered when one is added is the first free weekend day after the days off', () => {
    expect(suggestedWorkday(springFestival, [])).toBe('2027-02-13');
    expect(suggestedWorkday(springFestival, ['2027-02-13'])).toBe('2027-02-14');
  });
});
