import { startLocalApi } from '../support/local-api';
import { ADMIN, call, DEPUTY, type LocalApi, ok, REPLY, STAFF, TRAFFIC } from '../support/opinion-calls';

// reports.publicStats answers anyone, without a login. Two months of a small street, made through
// the real actions: March, where 青溪街道 has two opinions and one of them its voter rated 不满意;
// April, where 文昌新村 has a single rating among twelve opinions. Whatever the public answer
// shows, neither that station's opinions nor that one rating may be read off it — directly or by
// subtracting the stations shown from the street's total.

const DAY = 24 * 60 * 60 * 1000;
/** 10:00 in Shanghai on a date. */
const morning = (date: string) => Date.parse(`${date}T02:00:00Z`);

let now = morning('2026-03-02');
let api: LocalApi;

const WENCHANG_STAFF = 'staff-wenchang';
const WENCHANG_DEPUTY = 'deputy-d05'; // 刘海涛, whom the rule gives 文昌新村's health opinions
const HEALTH = '文昌新村卫生服务站上午只有一位医生，排队的老人常常要等两个小时，希望增派人手。';

let made = 0;
/** One opinion of a fresh voter, a few minutes after the last; its id and its voter. */
async function opinion(stationId: string, category: string, content: string) {
  made += 1;
  now += 5 * 60_000;
  const voter = `voter-public-${made}`;
  const data = await ok(api, voter, 'opinions', 'submit', {
    stationId,
    category,
    content,
    requestId: `public-figures-${made}`,
  });
  return { id: data.opinionId as string, voter };
}

/** An opinion replied, confirmed 办结 and rated by its voter. */
async function rated(
  stationId: string,
  people: { deputy: string; staff: string },
  satisfaction: 'satisfied' | 'dissatisfied',
  category = 'transport',
  content = TRAFFIC,
) {
  const { id, voter } = await opinion(stationId, category, content);
  await ok(api, people.deputy, 'casework', 'reply', { opinionId: id, content: REPLY });
  await ok(api, people.staff, 'casework', 'resolve', { opinionId: id, note: '现场回访确认已办结' });
  await ok(api, voter, 'opinions', 'rate', { opinionId: id, satisfaction });
}

const jiedao = { deputy: DEPUTY, staff: STAFF };
const wenchang = { deputy: WENCHANG_DEPUTY, staff: WENCHANG_STAFF };

beforeAll(async () => {
  api = await startLocalApi({ now: () => now });
  await ok(api, WENCHANG_STAFF, 'account', 'redeemInvite', { code: 'GZQX6789' });
  const invite = await ok(api, ADMIN, 'casework', 'issueInvite', { role: 'deputy', deputyId: 'd05' });
  await ok(api, WENCHANG_DEPUTY, 'account', 'redeemInvite', { code: invite.code });

  // March: 青溪街道 2 (one rated 不满意), 文昌新村 12, 来薰 11; the other five stations none.
  await rated('qx-jiedao', jiedao, 'dissatisfied');
  await opinion('qx-jiedao', 'transport', TRAFFIC);
  for (let i = 0; i < 12; i += 1) await opinion('qx-wenchang', 'health', HEALTH);
  for (let i = 0; i < 11; i += 1)
    await opinion('qx-laixun', 'security', '来薰路夜里路灯坏了一半，老人晚上出门看不清台阶。');

  // April: 青溪街道 12, all rated (10 满意, 2 不满意); 文昌新村 12, one of them rated 不满意.
  now = morning('2026-04-02');
  for (let i = 0; i < 12; i += 1) await rated('qx-jiedao', jiedao, i < 10 ? 'satisfied' : 'dissatisfied');
  await rated('qx-wenchang', wenchang, 'dissatisfied', 'health', HEALTH);
  for (let i = 0; i < 11; i += 1) await opinion('qx-wenchang', 'health', HEALTH);
  now = morning('2026-05-06') + DAY;
});
afterAll(() => api.stop());

const publicStats = (period: { from: string; to: string }) => call(api, undefined, 'reports', 'publicStats', period);

async function publicData(period: { from: string; to: string }) {
  const { body } = await publicStats(period);
  if (!body.ok) throw new Error(`reports.publicStats failed: ${JSON.stringify(body.error)}`);
  return body.data as Record<string, any>;
}

const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const APRIL = { from: '2026-04-01', to: '2026-04-30' };

type Entry = { key: string; label: string; figures: Record<string, any> };
const stationIn = (data: Record<string, any>, key: string): Entry => data.groups.find((g: Entry) => g.key === key);
const shown = (data: Record<string, any>): Entry[] => data.groups.filter((g: Entry) => !g.figures.withheld);

/** Every object in the answer that carries the word 样本不足, wherever it sits. */
function withheldParts(value: unknown, out: unknown[] = []): unknown[] {
  if (value && typeof value === 'object') {
    if ((value as { withheld?: unknown }).withheld === true) out.push(value);
    for (const inner of Object.values(value)) withheldParts(inner, out);
  }
  return out;
}

describe('a public period is whole calendar months', () => {
  test.each`
    from            | to              | why
    ${'2026-03-05'} | ${'2026-03-05'} | ${'a single day'}
    ${'2026-03-01'} | ${'2026-03-30'} | ${'a month short of its last day'}
    ${'2026-03-02'} | ${'2026-04-30'} | ${'starting after the 1st'}
    ${'2026-02-01'} | ${'2026-02-27'} | ${'February without its 28th'}
  `('$from to $to ($why) is refused, and says why in Chinese', async ({ from, to }) => {
    const { status, body } = await publicStats({ from, to });
    expect(status).toBe(400);
    expect(body.error).toEqual({
      code: 'INVALID_INPUT',
      message: '公开统计按整月计算：开始日期须为某月1日，结束日期须为某月最后一天',
    });
  });

  test.each`
    from            | to
    ${'2026-03-01'} | ${'2026-03-31'}
    ${'2026-02-01'} | ${'2026-02-28'}
    ${'2026-01-01'} | ${'2026-12-31'}
  `('$from to $to is answered', async ({ from, to }) => {
    expect((await publicData({ from, to })).period).toEqual({ from, to });
  });

  test('the other refusals stay as they were', async () => {
    const { body } = await publicStats({ from: '2026-03-31', to: '2026-03-01' });
    expect(body.error).toEqual({ code: 'INVALID_INPUT', message: '开始日期不能晚于结束日期' });
  });
});

describe('March: a station with two opinions, one rated 不满意', () => {
  test('the station shows its name and 样本不足, and not a single number', async () => {
    const data = await publicData(MARCH);
    const station = stationIn(data, 'qx-jiedao');
    expect(station).toEqual({
      key: 'qx-jiedao',
      label: '青溪街道人大代表联络站',
      figures: { withheld: true, label: '样本不足' },
    });
    expect(JSON.stringify(station)).not.toMatch(/\d/);
  });

  test('stations with no opinions at all read 样本不足 too', async () => {
    const data = await publicData(MARCH);
    expect(stationIn(data, 'qx-youche').figures).toEqual({ withheld: true, label: '样本不足' });
  });

  test('the street total less the stations shown would be 2 opinions, so the next smallest station is withheld too', async () => {
    const data = await publicData(MARCH);
    expect(data.street).toMatchObject({ withheld: false, collected: 25 });
    expect(stationIn(data, 'qx-laixun').figures).toEqual({ withheld: true, label: '样本不足' });
    expect(shown(data).map((g) => [g.key, g.figures.collected])).toEqual([['qx-wenchang', 12]]);
    const unaccounted = data.street.collected - shown(data).reduce((sum, g) => sum + g.figures.collected, 0);
    expect(unaccounted).toBeGreaterThanOrEqual(10);
  });

  test('one rating in the whole street: no 满意率, no count of ratings anywhere', async () => {
    const data = await publicData(MARCH);
    expect(data.street.satisfaction).toEqual({ withheld: true, label: '样本不足' });
    expect(data.street.onTime).toEqual({ withheld: true, label: '样本不足' });
    expect(JSON.stringify(data)).not.toMatch(/"(rated|satisfied|basicallySatisfied|dissatisfied)"/);
  });

  test('whatever is withheld says 样本不足 and nothing else', async () => {
    const parts = withheldParts(await publicData(MARCH));
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) expect(part).toEqual({ withheld: true, label: '样本不足' });
  });

  test('the committee’s reports.stats still counts that station, its rating included', async () => {
    const data = await ok(api, ADMIN, 'reports', 'stats', { from: '2026-03-05', to: '2026-03-05', groupBy: 'station' });
    expect(data.collected).toBe(0);
    const march = await ok(api, ADMIN, 'reports', 'stats', { ...MARCH, groupBy: 'station' });
    expect(march.groups!.find((g: { key: string }) => g.key === 'qx-jiedao')).toMatchObject({
      collected: 2,
      rated: 1,
      dissatisfied: 1,
      satisfactionRate: { value: null, label: '样本不足', numerator: 0, denominator: 1 },
    });
  });
});

describe('April: one rating among twelve opinions at 文昌新村', () => {
  test('both stations show their counts; the street shows its 满意率 of 13 ratings', async () => {
    const data = await publicData(APRIL);
    expect(shown(data).map((g) => [g.key, g.figures.collected])).toEqual([
      ['qx-jiedao', 12],
      ['qx-wenchang', 12],
    ]);
    expect(data.street.satisfaction).toMatchObject({
      rated: 13,
      satisfied: 10,
      dissatisfied: 3,
      satisfactionRate: { numerator: 10, denominator: 13, label: '76.9%' },
    });
  });

  test('文昌新村’s single rating is 样本不足, and so is 青溪街道’s 满意率, which the street’s less it would reveal', async () => {
    const data = await publicData(APRIL);
    expect(stationIn(data, 'qx-wenchang').figures.satisfaction).toEqual({ withheld: true, label: '样本不足' });
    expect(stationIn(data, 'qx-jiedao').figures.satisfaction).toEqual({ withheld: true, label: '样本不足' });
    expect(stationIn(data, 'qx-wenchang').figures.onTime).toEqual({ withheld: true, label: '样本不足' });
    expect(stationIn(data, 'qx-jiedao').figures.onTime).toEqual({ withheld: true, label: '样本不足' });
  });

  test('a station shown keeps its counts and 办复率', async () => {
    const station = stationIn(await publicData(APRIL), 'qx-jiedao').figures;
    expect(station).toMatchObject({ withheld: false, collected: 12, replied: 12, resolved: 12 });
    expect(station.replyRate).toMatchObject({ numerator: 12, denominator: 12, label: '100.0%' });
  });

  test('March and April together: the stations and the street as one period', async () => {
    const data = await publicData({ from: '2026-03-01', to: '2026-04-30' });
    expect(data.street.collected).toBe(49);
    expect(stationIn(data, 'qx-jiedao').figures).toMatchObject({ withheld: false, collected: 14 });
  });
});
