import { FIXED_NOW, startLocalApi } from '../support/local-api';
import { call, type LocalApi, ok } from '../support/opinion-calls';

// What counts towards an action's daily limit (docs/API.md, Limits): each caller's own calls
// that pass the schema, counted atomically so that a burst cannot pass the limit; and what the
// limit of 选区 changes leaves behind. Each limit in turn: write-limits-over-http.test.ts.

const DAY = 24 * 60 * 60 * 1000;

let now = FIXED_NOW;
let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi({ now: () => now });
});
afterAll(() => api.stop());

describe('what counts', () => {
  beforeEach(() => {
    now = FIXED_NOW + 100 * DAY;
  });

  test('the limit is each caller’s own: another voter still follows when one has met it', async () => {
    for (let i = 0; i < 50; i += 1)
      await ok(api, 'limits-busy', 'stations', 'follow', { stationId: 'qx-jiedao', follow: true });
    expect(
      (await call(api, 'limits-busy', 'stations', 'follow', { stationId: 'qx-jiedao', follow: true })).body.error?.code,
    ).toBe('RATE_LIMITED');
    expect(await ok(api, 'limits-calm', 'stations', 'follow', { stationId: 'qx-jiedao', follow: true })).toEqual({
      stationId: 'qx-jiedao',
      following: true,
    });
  });

  test('a call its schema refuses does not count', async () => {
    for (let i = 0; i < 60; i += 1) {
      const { body } = await call(api, 'limits-typo', 'stations', 'follow', { stationId: 'qx-jiedao' });
      expect(body.error.code).toBe('INVALID_INPUT');
    }
    for (let i = 0; i < 50; i += 1)
      await ok(api, 'limits-typo', 'stations', 'follow', { stationId: 'qx-jiedao', follow: true });
  });

  test('a limit holds against a burst of calls at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(api, 'limits-burst', 'evaluations', 'setDistrict', { district: i % 2 === 0 ? '第一选区' : '第二选区' }),
      ),
    );
    expect(answers.filter((a) => a.body.error?.code === 'RATE_LIMITED')).toHaveLength(7);
  });
});

describe('选区: a voter who keeps changing it', () => {
  beforeEach(() => {
    now = FIXED_NOW + 110 * DAY;
  });
  const audit = (voter: string) => api.store.listAudit('voter', voter);

  test('choosing the 选区 one already has writes no audit line', async () => {
    await ok(api, 'limits-settled', 'evaluations', 'setDistrict', { district: '第一选区' });
    for (let i = 0; i < 3; i += 1) {
      expect(await ok(api, 'limits-settled', 'evaluations', 'setDistrict', { district: '第一选区' })).toEqual({
        district: '第一选区',
      });
    }
    expect((await audit('limits-settled')).map((a) => a.detail)).toEqual([{ from: null, to: '第一选区' }]);
  });

  test('toggled 40 times in a day it leaves 5 audit lines, the limit', async () => {
    for (let i = 0; i < 40; i += 1) {
      await call(api, 'limits-toggler', 'evaluations', 'setDistrict', {
        district: i % 2 === 0 ? '第一选区' : '第二选区',
      });
    }
    expect(await audit('limits-toggler')).toHaveLength(5);
    expect(await api.store.getVoterDistrict('limits-toggler')).toBe('第一选区');
  });
});
