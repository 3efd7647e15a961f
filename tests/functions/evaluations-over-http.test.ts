import type { RoundView } from '../../src/domain/evaluation-views';
import { startLocalApi } from '../support/local-api';
import { ADMIN, call, DEPUTY, ok, REPLY, STAFF, submit } from '../support/opinion-calls';

// 2026-03-01 10:00 Shanghai; the clock moves forward through the round.
let now = Date.UTC(2026, 2, 1, 2, 0);
const day = 86_400_000;
let api: Awaited<ReturnType<typeof startLocalApi>>;
beforeAll(async () => {
  api = await startLocalApi({ now: () => now });
});
afterAll(() => api.stop());

// 第二选区 elects 李志强 (d03) of 青溪街道联络站 and 周德明 (d08) of 油车巷; 青溪街道联络站
// serves 第一 and 第二选区, so its staff (demo-staff) may run both. (The demo data has its own
// rounds for 第一 and 第三选区.)
const ROUND = {
  district: '第二选区',
  opensOn: '2026-03-10',
  closesOn: '2026-03-20',
  periodFrom: '2026-01-01',
  periodTo: '2026-03-09',
};
let roundId = '';
const voters = Array.from({ length: 12 }, (_, i) => `district-two-voter-${i}`);
const evaluate = (openid: string, deputyId: string, satisfaction: string, comment?: string) =>
  call(api, openid, 'evaluations', 'rate', { roundId, deputyId, satisfaction, ...(comment ? { comment } : {}) });
const LI = 'deputy-li-zhiqiang'; // 李志强's account
const ourRounds = async () => (await api.store.listRounds()).filter((r) => !r.id.startsWith('ev-demo'));
const card = (round: RoundView, deputyId: string) => round.deputies.find((c) => c.deputy.id === deputyId)!;

describe('代表述职评议: a round for one electoral district', () => {
  test('before the round: the deputy replied to one of two opinions, taking two days', async () => {
    await api.store.putAccount(
      { openid: LI, role: 'deputy', stationId: 'qx-jiedao', deputyId: 'd03', createdAt: now },
      { at: now, actor: 'test', action: 'test.account', targetType: 'account', targetId: LI },
    );
    const first = await submit(api, 'resident-a', { category: 'security' });
    await submit(api, 'resident-b', { category: 'security' });
    now += 2 * day;
    await ok(api, LI, 'casework', 'reply', { opinionId: first.opinionId, content: REPLY });
  });

  test('a voter, a deputy, or staff of a station not serving the district cannot open a round', async () => {
    for (const who of ['resident-a', DEPUTY]) {
      const { status, body } = await call(api, who, 'evaluations', 'open', ROUND);
      expect(status).toBe(403);
      expect(body.error.code).toBe('FORBIDDEN');
    }
    const { body } = await call(api, STAFF, 'evaluations', 'open', { ...ROUND, district: '第五选区' });
    expect(body.error).toEqual({
      code: 'FORBIDDEN',
      message: '只有人大工委或服务该选区的联络站工作人员可以组织评议',
    });
    expect(await ourRounds()).toEqual([]);
  });

  test('bad dates and unknown districts are refused with a reason, and nothing is written', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...ROUND, closesOn: '2026-03-09' }, '评议开始日期不能晚于结束日期'],
      [{ ...ROUND, opensOn: '2026-02-01' }, '评议开始日期不能早于今天'],
      [{ ...ROUND, district: '第九选区' }, '没有这个选区'],
      [{ ...ROUND, closesOn: '2026-06-30' }, '评议时间最长60天'],
    ];
    for (const [input, message] of cases) {
      const { body } = await call(api, STAFF, 'evaluations', 'open', input);
      expect(body.error).toEqual({ code: 'INVALID_INPUT', message });
    }
    expect(await ourRounds()).toEqual([]);
  });

  test('staff of a station serving the district open it; it lists the district’s deputies', async () => {
    const round = await ok(api, STAFF, 'evaluations', 'open', ROUND);
    roundId = round.id as string;
    expect(round).toMatchObject({ title: '2026年第二选区代表述职评议', phase: 'upcoming', participants: 0 });
    expect(round.deputies.map((c: { deputy: { name: string } }) => c.deputy.name)).toEqual(['李志强', '周德明']);
    expect((await api.store.listAudit('evaluation_round', roundId)).map((a) => a.action)).toEqual(['evaluations.open']);
  });

  test('a second round of the same district may not overlap it, in its dates or in the period reported on', async () => {
    const { body } = await call(api, ADMIN, 'evaluations', 'open', {
      ...ROUND,
      opensOn: '2026-03-15',
      closesOn: '2026-03-25',
    });
    expect(body.error).toEqual({ code: 'CONFLICT', message: '第二选区在这段时间已有评议：2026年第二选区代表述职评议' });
    const samePeriod = await call(api, ADMIN, 'evaluations', 'open', {
      ...ROUND,
      opensOn: '2026-04-01',
      closesOn: '2026-04-10',
      periodFrom: '2026-03-01',
      periodTo: '2026-03-31',
    });
    expect(samePeriod.body.error).toEqual({
      code: 'CONFLICT',
      message: '第二选区这段述职期间已有评议：2026年第二选区代表述职评议，同一期间只评议一次',
    });
    expect((await ourRounds()).length).toBe(1);
  });

  test('each deputy card shows what the data says they did in the period', async () => {
    const round = await ok(api, 'resident-a', 'evaluations', 'get', { roundId });
    expect(card(round, 'd03').activity).toMatchObject({
      handled: 2,
      replied: 1,
      replyRate: { numerator: 1, denominator: 2, label: '样本不足' },
      medianReplyDays: 2,
    });
    expect(card(round, 'd08').activity).toMatchObject({ handled: 0, replied: 0, medianReplyDays: null });
  });

  test('nobody rates before the round opens', async () => {
    await ok(api, voters[0]!, 'evaluations', 'setDistrict', { district: '第二选区' });
    const { body } = await evaluate(voters[0]!, 'd03', 'satisfied');
    expect(body.error).toEqual({ code: 'CONFLICT', message: '评议尚未开始，2026-03-10开始' });
  });

  test('once open, voters of the district rate each deputy once', async () => {
    now = Date.UTC(2026, 2, 12, 2, 0);
    for (const [i, voter] of voters.entries()) {
      await ok(api, voter, 'evaluations', 'setDistrict', { district: '第二选区' });
      const satisfaction = i < 9 ? 'satisfied' : i < 11 ? 'basically_satisfied' : 'dissatisfied';
      const { body } = await evaluate(voter, 'd03', satisfaction, i === 11 ? '接待日经常找不到人' : undefined);
      expect(body.ok).toBe(true);
    }
    const again = await evaluate(voters[0]!, 'd03', 'dissatisfied');
    expect(again.body.error).toEqual({ code: 'CONFLICT', message: '您已评议过这位代表，每轮只能评议一次' });
    // The voter is told they rated, never what: the answer is not stored with who gave it.
    const mine = await ok(api, voters[11]!, 'evaluations', 'get', { roundId });
    expect(card(mine, 'd03').ratedByMe).toBe(true);
    expect(card(mine, 'd08').ratedByMe).toBe(false);
    expect(JSON.stringify(card(mine, 'd03'))).not.toMatch(/接待日经常找不到人|dissatisfied/);
    expect(mine.ratedByMe).toBe(1);
  });

  test('voters of another district, deputies and staff do not rate', async () => {
    await ok(api, 'district-one-voter', 'evaluations', 'setDistrict', { district: '第一选区' });
    expect((await evaluate('district-one-voter', 'd03', 'satisfied')).body.error).toEqual({
      code: 'FORBIDDEN',
      message: '本轮评议面向第二选区的选民，您登记的是第一选区',
    });
    expect((await evaluate('no-district-voter', 'd03', 'satisfied')).body.error.message).toBe('请先选择您所在的选区');
    for (const who of [DEPUTY, STAFF, ADMIN]) {
      expect((await evaluate(who, 'd08', 'satisfied')).body.error.code).toBe('FORBIDDEN');
    }
    expect((await evaluate(voters[0]!, 'd05', 'satisfied')).body.error).toEqual({
      code: 'NOT_FOUND',
      message: '本轮评议没有这位代表',
    });
  });

  test('a voter who rates cannot move to another district until the round ends', async () => {
    const { body } = await call(api, voters[0], 'evaluations', 'setDistrict', { district: '第一选区' });
    expect(body.error).toEqual({ code: 'CONFLICT', message: '您正在参加第二选区的述职评议，评议结束后才能更改选区' });
  });

  test('while open, nobody sees results — not even the committee — only how many took part', async () => {
    const forStaff = await ok(api, ADMIN, 'evaluations', 'get', { roundId });
    expect(forStaff.participants).toBe(12);
    expect(card(forStaff, 'd03').result).toBeUndefined();
    expect(card(forStaff, 'd03').comments).toBeUndefined();
    const forVoter = await ok(api, voters[1]!, 'evaluations', 'get', { roundId });
    expect(forVoter.participants).toBeUndefined();
  });

  test('on its last day it is still open and nothing is published', async () => {
    now = Date.UTC(2026, 2, 20, 15, 0); // 23:00 on 2026-03-20, Shanghai
    const round = await ok(api, ADMIN, 'evaluations', 'get', { roundId });
    expect(round).toMatchObject({ phase: 'open', published: false });
    expect(card(round, 'd03').result).toBeUndefined();
  });

  test('after its last day results come: counts and a 95% interval with 10 raters or more, 样本不足 alone below', async () => {
    now = Date.UTC(2026, 2, 21, 2, 0);
    const round = await ok(api, voters[1]!, 'evaluations', 'get', { roundId });
    expect(round).toMatchObject({ phase: 'closed', published: true, phaseLabel: '已结束，结果已公布' });
    expect(card(round, 'd03').result).toEqual({
      sufficient: true,
      satisfied: 9,
      basicallySatisfied: 2,
      dissatisfied: 1,
      rated: 12,
      satisfactionRate: { value: 11 / 12, numerator: 11, denominator: 12, label: '91.7%', interval: [0.6461, 0.9851] },
    });
    expect(card(round, 'd08').result).toEqual({ sufficient: false, rated: 0, minimum: 10 });
    expect(card(round, 'd03').comments).toBeUndefined();
    expect((await evaluate(voters[2]!, 'd08', 'satisfied')).body.error.message).toBe('这轮评议已经结束');
  });

  test('comments, without who wrote them or when, go to those running the round and to the deputy', async () => {
    for (const who of [STAFF, LI]) {
      const round = await ok(api, who, 'evaluations', 'get', { roundId });
      expect(card(round, 'd03').comments).toEqual([{ satisfaction: 'dissatisfied', comment: '接待日经常找不到人' }]);
    }
    // d08 had too few raters: no comments at all, even for the committee
    const admin = await ok(api, ADMIN, 'evaluations', 'get', { roundId });
    expect(card(admin, 'd08').comments).toBeUndefined();
    const otherDeputy = await ok(api, DEPUTY, 'evaluations', 'get', { roundId });
    expect(card(otherDeputy, 'd03').comments).toBeUndefined();
    const voter = await ok(api, voters[0]!, 'evaluations', 'get', { roundId });
    expect(card(voter, 'd03').comments).toBeUndefined();
  });

  test('after the close a voter may change their district again', async () => {
    expect(await ok(api, voters[0]!, 'evaluations', 'setDistrict', { district: '第一选区' })).toEqual({
      district: '第一选区',
    });
  });

  test('staff may end a round early: rating stops, nothing is published before its planned last day', async () => {
    const NEXT = { district: '第二选区', opensOn: '2026-03-21', closesOn: '2026-04-10' };
    const second = await ok(api, STAFF, 'evaluations', 'open', {
      ...NEXT,
      periodFrom: '2026-03-10',
      periodTo: '2026-03-20',
    });
    expect(second.phase).toBe('open');
    await ok(api, voters[1]!, 'evaluations', 'rate', {
      roundId: second.id,
      deputyId: 'd03',
      satisfaction: 'dissatisfied',
    });
    expect((await call(api, 'resident-a', 'evaluations', 'close', { roundId: second.id })).body.error.code).toBe(
      'FORBIDDEN',
    );
    const closed = await ok(api, STAFF, 'evaluations', 'close', { roundId: second.id });
    expect(closed).toMatchObject({
      phase: 'closed',
      closedEarlyOn: '2026-03-21',
      published: false,
      phaseLabel: '已结束',
    });
    expect(card(closed, 'd03').result).toBeUndefined();
    expect(card(await ok(api, ADMIN, 'evaluations', 'get', { roundId: second.id }), 'd03').result).toBeUndefined();
    expect((await call(api, STAFF, 'evaluations', 'close', { roundId: second.id })).body.error.code).toBe('CONFLICT');
    const list = await ok(api, 'resident-a', 'evaluations', 'list');
    const ours = list.items.filter((r: { id: string }) => [roundId, second.id].includes(r.id));
    expect(ours.map((r: { opensOn: string; phase: string }) => [r.opensOn, r.phase])).toEqual([
      ['2026-03-21', 'closed'],
      ['2026-03-10', 'closed'],
    ]);
    expect(list.districts).toEqual(['第一选区', '第二选区', '第三选区', '第四选区', '第五选区', '第六选区']);
    expect(list.openableDistricts).toEqual([]);
    expect((await ok(api, STAFF, 'evaluations', 'list')).openableDistricts).toEqual(['第一选区', '第二选区']);
  });

  test('a round closed early cannot be reopened: its dates and its period stay taken', async () => {
    const again = await call(api, STAFF, 'evaluations', 'open', {
      district: '第二选区',
      opensOn: '2026-03-22',
      closesOn: '2026-04-05',
      periodFrom: '2026-03-21',
      periodTo: '2026-03-21',
    });
    expect(again.body.error.code).toBe('CONFLICT');
    const later = await call(api, STAFF, 'evaluations', 'open', {
      district: '第二选区',
      opensOn: '2026-04-11',
      closesOn: '2026-04-20',
      periodFrom: '2026-03-15',
      periodTo: '2026-04-10',
    });
    expect(later.body.error.message).toMatch(/同一期间只评议一次/);
  });

  test('after the planned last day the early-closed round publishes 样本不足 alone for its one rater', async () => {
    now = Date.UTC(2026, 3, 11, 2, 0);
    const second = (await ourRounds()).find((r) => r.opensOn === '2026-03-21')!;
    const round = await ok(api, STAFF, 'evaluations', 'get', { roundId: second.id });
    expect(round.published).toBe(true);
    expect(card(round, 'd03').result).toEqual({ sufficient: false, rated: 1, minimum: 10 });
    expect(card(round, 'd03').comments).toBeUndefined();
  });
});
