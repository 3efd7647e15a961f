import { maskNumbersInText } from '../../src/domain/personal-data';

describe('what others read of an opinion keeps the problem and drops the numbers that reach its voter', () => {
  test.each([
    ['我的电话13957412345，住青溪路8号', '我的电话139****2345，住青溪路8号'],
    ['有事打座机0574-88120288', '有事打座机0574-****0288'],
    ['电话 139 5741 2345', '电话 139****2345'],
    ['身份证号33022719560101123X', '身份证号330****123X'],
  ])('%s → %s', (text, shown) => {
    expect(maskNumbersInText(text)).toBe(shown);
  });
  test('dates, house numbers and short figures are left as written', () => {
    const text = '2026年12月3日早上7点，青溪路8号门口积水30厘米，已反映100多天';
    expect(maskNumbersInText(text)).toBe(text);
  });
});
