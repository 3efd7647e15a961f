import {
  dateValue,
  formatKeyword,
  sessionTimeValue,
  timeValue,
  validateKeyword,
  type KeywordType,
} from '../../src/domain/template-keywords';

describe('WeChat accepts a keyword value only within its type’s rule', () => {
  const cases: Array<[KeywordType, string, boolean]> = [
    ['thing', '青溪路口早高峰拥堵', true],
    ['thing', '一二三四五六七八九十一二三四五六七八九十', true],
    ['thing', '一二三四五六七八九十一二三四五六七八九十一', false],
    ['thing', '', false],
    ['phrase', '已办结', true],
    ['phrase', '不予受理', true],
    ['phrase', '已经全部办结', false],
    ['phrase', '已办结!', false],
    ['phrase', 'done', false],
    ['name', '王建国', true],
    ['name', '欧阳一二三四五六七八', true],
    ['name', '欧阳一二三四五六七八九', false],
    ['name', 'Wang Jianguo', true],
    ['name', 'abcdefghijklmnopqrstu', false],
    ['time', '15:01', true],
    ['time', '2026年12月1日 15:01', true],
    ['time', '2026年12月2日 09:00~11:30', true],
    ['time', '2026-12-01 15:01', false],
    ['time', '25:01', false],
    ['date', '2026年12月1日', true],
    ['date', '2026年12月1日 15:01', true],
    ['date', '2026-12-01', false],
    ['date', '12月1日', false],
    ['character_string', 'A3F9C2', true],
    ['character_string', 'a'.repeat(32), true],
    ['character_string', 'a'.repeat(33), false],
    ['character_string', '编号A3', false],
    ['number', '3', true],
    ['number', '12.5', true],
    ['number', '3件', false],
  ];
  test.each(cases)('%s %j → %s', (type, value, ok) => {
    expect(validateKeyword(type, value) === null).toBe(ok);
  });
});

describe('free text is fitted to its type rather than refused', () => {
  test('thing: one line, at most 20 characters, a cut value ends in …', () => {
    const value = formatKeyword('thing', '青溪路与滨河路口\n早高峰拥堵严重，学生过马路很危险，建议增设红绿灯');
    expect(Array.from(value)).toHaveLength(20);
    expect(value.endsWith('…')).toBe(true);
    expect(value).not.toContain('\n');
    expect(validateKeyword('thing', value)).toBeNull();
  });
  test('thing: a short value is kept whole', () => {
    expect(formatKeyword('thing', '  信号灯已安装  ')).toBe('信号灯已安装');
  });
  test('phrase keeps at most five Chinese characters', () => {
    expect(formatKeyword('phrase', '已办结！')).toBe('已办结');
    expect(formatKeyword('phrase', '已经全部办结了')).toBe('已经全部办');
  });
  test('name is cut to ten Chinese characters', () => {
    expect(formatKeyword('name', '欧阳一二三四五六七八九十')).toBe('欧阳一二三四五六七八');
  });
  test('character_string drops Chinese and keeps 32', () => {
    expect(formatKeyword('character_string', '编号 A3F9C2')).toBe('A3F9C2');
    expect(formatKeyword('character_string', 'x'.repeat(40))).toHaveLength(32);
  });
  test('emoji count as one character each', () => {
    const value = formatKeyword('thing', '😀'.repeat(25));
    expect(Array.from(value)).toHaveLength(20);
    expect(validateKeyword('thing', value)).toBeNull();
  });
});

describe('dates and times are written in WeChat’s format, in Asia/Shanghai', () => {
  test('a date', () => expect(dateValue('2026-12-01')).toBe('2026年12月1日'));
  test('an instant at 23:30 UTC is the next morning in Shanghai', () => {
    expect(timeValue(Date.UTC(2026, 10, 30, 23, 30))).toBe('2026年12月1日 07:30');
  });
  test('a session is a time range', () => {
    const value = sessionTimeValue('2026-12-02', '09:00', '11:30');
    expect(value).toBe('2026年12月2日 09:00~11:30');
    expect(validateKeyword('time', value)).toBeNull();
  });
});
