import { configFromEnv } from '../../server/runtime/runtime';

describe('the functions’ settings from their environment', () => {
  test('a variable the CLI wrote empty means its default, never zero', () => {
    expect(configFromEnv({ ADMIN_OPENIDS: '', DAILY_SUBMIT_LIMIT: '', STREET_NAME: '' })).toEqual({
      adminOpenids: [],
      dailySubmitLimit: 10,
      subscribeTemplates: {},
    });
  });

  test('values as written in .env', () => {
    expect(
      configFromEnv({
        ADMIN_OPENIDS: 'o1, o2',
        DAILY_SUBMIT_LIMIT: '25',
        STREET_NAME: '梅林街道',
        SUBSCRIBE_TEMPLATES: 'opinion_reply=T1,opinion_outcome=T2',
      }),
    ).toEqual({
      adminOpenids: ['o1', 'o2'],
      dailySubmitLimit: 25,
      streetName: '梅林街道',
      subscribeTemplates: { opinion_reply: { id: 'T1' }, opinion_outcome: { id: 'T2' } },
    });
  });

  test.each(['0', '-3', '2.5', '十'])('a daily limit of “%s” is refused with its name', (value) => {
    expect(() => configFromEnv({ DAILY_SUBMIT_LIMIT: value })).toThrow(`DAILY_SUBMIT_LIMIT 应为正整数，现为“${value}”`);
  });
});
