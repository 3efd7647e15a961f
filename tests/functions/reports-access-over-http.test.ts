import type { Opinion } from '../../src/domain/opinion';
import { expectedFigures, recount, type RecountQuery } from '../support/figure-recount';
import { ADMIN, DEPUTY, STAFF, VOTER } from '../support/opinion-calls';
import { morning, startWinter, statsCalls, type Winter, WINTER } from './winter-of-activity';

// Who may ask reports.stats for what, and what input it refuses, after a winter of activity
// (winter-of-activity.ts). The figures themselves: reports-figures-over-http.test.ts.

let w: Winter;
let opinions: Opinion[];
beforeAll(async () => {
  w = await startWinter();
  await w.liveUntil(morning('2026-04-15'));
  opinions = await w.allOpinions();
});
afterAll(() => w.api.stop());

const { stats, statsData, today } = statsCalls(() => w);
const q = (extra: Partial<RecountQuery> = {}): RecountQuery => ({ ...WINTER, today: today(), ...extra });

describe('who sees what', () => {
  test('staff see their own station, by default and when they name it', async () => {
    const mine = recount(opinions, q({ stationId: 'qx-jiedao' }));
    for (const fields of [WINTER, { ...WINTER, stationId: 'qx-jiedao' }]) {
      const data = await statsData(STAFF, fields);
      expect(data).toMatchObject({ scope: { stationId: 'qx-jiedao' }, ...expectedFigures(mine) });
    }
    const grouped = await statsData(STAFF, { ...WINTER, groupBy: 'station' });
    expect(grouped.groups.map((g: { key: string }) => g.key)).toEqual(['qx-jiedao']);
    const byDeputy = await statsData(STAFF, { ...WINTER, groupBy: 'deputy' });
    expect(byDeputy.groups.map((g: { key: string }) => g.key).filter(Boolean)).toEqual(['d01', 'd02', 'd03']);
  });

  test("another station's figures are FORBIDDEN to staff", async () => {
    const { status, body } = await stats(STAFF, { ...WINTER, stationId: 'qx-wenchang' });
    expect(status).toBe(403);
    expect(body.error).toEqual({ code: 'FORBIDDEN', message: '只能查看本联络站的统计' });
  });

  test('a deputy sees the opinions assigned to them, and nobody else’s', async () => {
    const data = await statsData(DEPUTY, WINTER);
    expect(data).toMatchObject({
      scope: { deputyId: 'd01' },
      ...expectedFigures(recount(opinions, q({ deputyId: 'd01' }))),
    });
    const { status, body } = await stats(DEPUTY, { ...WINTER, deputyId: 'd02' });
    expect([status, body.error.code]).toEqual([403, 'FORBIDDEN']);
  });

  test('voters are FORBIDDEN, and a caller without an identity UNAUTHENTICATED', async () => {
    const voter = await stats(VOTER, WINTER);
    expect([voter.status, voter.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const nobody = await stats(undefined, WINTER);
    expect([nobody.status, nobody.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

describe('what reports.stats refuses', () => {
  test.each`
    fields                                      | message
    ${{}}                                       | ${'请提供开始日期'}
    ${{ from: '2026-02-30', to: '2026-03-31' }} | ${'开始日期须为 YYYY-MM-DD 格式的真实日期'}
    ${{ from: '2026-03-31', to: '2026-01-01' }} | ${'开始日期不能晚于结束日期'}
    ${{ from: '2020-01-01', to: '2026-01-01' }} | ${'统计期间最长3年'}
    ${{ ...WINTER, groupBy: 'district' }}       | ${'分组方式须为联络站、代表、人大小组、类别或月份'}
    ${{ ...WINTER, category: 'weather' }}       | ${'请选择意见类别'}
  `('bad input $fields is INVALID_INPUT: $message', async ({ fields, message }) => {
    const { status, body } = await stats(ADMIN, fields);
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: 'INVALID_INPUT', message });
  });
});
