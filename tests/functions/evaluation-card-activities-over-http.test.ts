import type { RoundView } from '../../src/domain/evaluation-views';
import { startLocalApi } from '../support/local-api';
import { ADMIN, STAFF } from '../support/opinion-calls';

// 2026-03-01 10:00 Shanghai. 第二选区 elects 李志强 (d03, 青溪街道联络站) and 周德明 (d08, 油车巷);
// its round reports on January and February. Voters rating them see, beside the opinions each
// handled, the 履职活动 each attended and the voters each visited — counts only, never a reason.
const now = Date.UTC(2026, 2, 1, 2, 0);
let api: Awaited<ReturnType<typeof startLocalApi>>;
beforeAll(async () => {
  api = await startLocalApi({ now: () => now });
  for (const [openid, stationId, deputyId] of [
    ['card-li-zhiqiang', 'qx-jiedao', 'd03'],
    ['card-zhou-deming', 'qx-youche', 'd08'],
  ] as const) {
    await api.store.putAccount(
      { openid, role: 'deputy', stationId, deputyId, createdAt: now },
      { at: now, actor: 'test', action: 'test.account', targetType: 'account', targetId: openid },
    );
  }
});
afterAll(() => api.stop());

const LI = 'card-li-zhiqiang';
const ZHOU = 'card-zhou-deming';
const LEAVE_REASON = '出庭代理案件，无法到场';
let roundId = '';
const card = (round: RoundView, deputyId: string) => round.deputies.find((c) => c.deputy.id === deputyId)!;

/** The committee records an activity of the period with 李志强, 周德明 and 陈建国 invited, and marks them. */
async function committeeActivity(
  date: string,
  title: string,
  marks: { d03: 'present' | 'leave' | 'absent'; d08: 'present' | 'leave' | 'absent' },
) {
  const activity = await api.callAs(ADMIN, 'activities.record', {
    kind: 'law_enforcement_inspection',
    title,
    date,
    place: '青溪街道辖区',
    deputyIds: ['d03', 'd08', 'd01'],
    suggestionIds: [],
    opinionIds: [],
  });
  for (const [deputyId, attendance] of Object.entries(marks)) {
    await api.callAs(ADMIN, 'activities.markAttendance', {
      activityId: activity.id,
      deputyId,
      attendance,
      ...(attendance === 'leave' ? { leaveReason: LEAVE_REASON } : {}),
    });
  }
  return activity.id;
}

/** A deputy's own 走访选民 of `voters` people on `date`. */
const ownVisit = (openid: string, date: string, voters: number) =>
  api.callAs(openid, 'activities.record', {
    kind: 'voter_visit',
    title: '走访选区内困难家庭',
    date,
    place: '油车巷村、青草巷社区',
    votersVisited: voters,
    deputyIds: [],
    suggestionIds: [],
    opinionIds: [],
  });

describe('述职评议: each deputy card counts the 履职活动 of the period', () => {
  test('in January and February: four inspections, 李志强 at one, on leave at two, absent at one; 周德明 at all four', async () => {
    await committeeActivity('2026-01-14', '食品安全执法检查', { d03: 'present', d08: 'present' });
    await committeeActivity('2026-01-28', '安全生产执法检查', { d03: 'leave', d08: 'present' });
    const third = await committeeActivity('2026-02-11', '校园食堂卫生突击检查', { d03: 'present', d08: 'present' });
    // 李志强 was marked 出席 by mistake: the committee corrects it, with a reason.
    await api.callAs(ADMIN, 'activities.markAttendance', {
      activityId: third,
      deputyId: 'd03',
      attendance: 'absent',
      correctionReason: '签到表核对有误，当天未到场',
    });
    await committeeActivity('2026-02-25', '节后复工安全生产检查', { d03: 'leave', d08: 'present' });
    // One after the period: it is not counted in this round.
    await committeeActivity('2026-03-01', '三月消防安全检查', { d03: 'present', d08: 'present' });
  });

  test('李志强 visited 12 voters (confirmed by 青溪街道 staff); 周德明’s 30 await his station’s staff and count not', async () => {
    const visit = await ownVisit(LI, '2026-02-16', 12);
    await api.callAs(STAFF, 'activities.review', { activityId: visit.id, confirm: true });
    const rejected = await ownVisit(LI, '2026-02-20', 40);
    await api.callAs(STAFF, 'activities.review', { activityId: rejected.id, confirm: false, note: '无走访记录' });
    await ownVisit(ZHOU, '2026-02-18', 30);
  });

  test('the round of 第二选区 opens on those two months', async () => {
    const round = await api.callAs(STAFF, 'evaluations.open', {
      district: '第二选区',
      opensOn: '2026-03-05',
      closesOn: '2026-03-20',
      periodFrom: '2026-01-01',
      periodTo: '2026-02-28',
    });
    roundId = round.id;
  });

  test('a voter sees 出席 / 请假 / 缺席 and voters visited on each card, counted in one read for all deputies', async () => {
    const attendance = jest.spyOn(api.store, 'countAttendance');
    const visits = jest.spyOn(api.store, 'countVotersVisited');
    const round = await api.callAs('card-voter', 'evaluations.get', { roundId });
    expect(attendance).toHaveBeenCalledTimes(1);
    expect(attendance.mock.calls[0]).toEqual(['2026-01-01', '2026-02-28', ['d03', 'd08']]);
    expect(visits).toHaveBeenCalledTimes(1);
    attendance.mockRestore();
    visits.mockRestore();

    // 李志强: one inspection and his own confirmed visit attended, two on leave, one absent (as corrected).
    expect(card(round, 'd03').activity).toMatchObject({
      activities: { present: 2, leave: 2, absent: 1 },
      votersVisited: 12,
    });
    // 周德明: four inspections; his own visit is not confirmed yet, so it counts neither as attended nor as voters.
    expect(card(round, 'd08').activity).toMatchObject({
      activities: { present: 4, leave: 0, absent: 0 },
      votersVisited: 0,
    });
  });

  test('each card names the deputy’s 人大小组', async () => {
    let { groups } = await api.callAs(ADMIN, 'activities.groups', {});
    if (!groups.some((g) => g.members.some((m) => m.id === 'd03'))) {
      await api.callAs(ADMIN, 'activities.setGroup', {
        groupId: 'card-qingxi',
        name: '青溪片人大小组',
        area: '青溪片',
        memberDeputyIds: ['d03'],
        leaderDeputyId: 'd03',
      });
      ({ groups } = await api.callAs(ADMIN, 'activities.groups', {}));
    }
    const group = groups.find((g) => g.members.some((m) => m.id === 'd03'))!;
    const round = await api.callAs('card-voter', 'evaluations.get', { roundId });
    expect(card(round, 'd03').deputy.groupName).toBe(group.name);
  });

  test('no reason for a leave, an absence or a correction reaches the voter', async () => {
    const { body } = await api.post('evaluations', { action: 'get', roundId }, 'card-voter');
    const text = JSON.stringify(body);
    for (const reason of [LEAVE_REASON, '签到表核对有误', '无走访记录']) expect(text).not.toContain(reason);
  });

  test('once his station’s staff confirm 周德明’s visit, his card counts it', async () => {
    const pending = await api.callAs(ADMIN, 'activities.list', { deputyId: 'd08', kind: 'voter_visit' });
    expect(pending.items.map((a) => a.status)).toEqual(['pending']);
    await api.callAs(ADMIN, 'activities.review', { activityId: pending.items[0]!.id, confirm: true });
    const round = await api.callAs('card-voter', 'evaluations.get', { roundId });
    expect(card(round, 'd08').activity).toMatchObject({
      activities: { present: 5, leave: 0, absent: 0 },
      votersVisited: 30,
    });
  });
});
