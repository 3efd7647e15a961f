import { maskPhone } from '../../src/domain/opinion';

describe('a masked phone number', () => {
  test('a mobile keeps its first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('19957412345')).toBe('199****2345');
  });

  test.each(['0574-65710288', '057465710288', '65710288'])(
    'the landline %s hides the first digits of its local number',
    (phone) => {
      const masked = maskPhone(phone);
      expect(masked.endsWith('0288')).toBe(true);
      expect(masked).toContain('****');
      expect(masked).not.toContain('6571');
    },
  );

  test('a number of four characters or fewer is hidden entirely', () => {
    expect(maskPhone('110')).toBe('***');
    expect(maskPhone('')).toBe('');
  });
});
