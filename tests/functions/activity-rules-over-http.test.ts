import { main as activities } from '../../cloudfunctions/activities/index';
import { startLocalApi } from '../support/local-api';
import {
  activityStreet,
  codeOf,
  EAST,
  groupForum,
  inspection,
  LI,
  STAFF_WENCHANG,
  visit,
  WANG,
  WEST,
  ZHANG,
} from '../support/activity-calls';
import { ADMIN, DEPUTY, type LocalApi, STAFF } from '../support/opinion-calls';

// The rules of 履职 (docs/DESIGN.md, 履职) over HTTP: who records which activities, a deputy's own
// visit counting only once confirmed, attendance marked and corrected never silently, one of two
// concurrent changes winning, and an audit line for every change.

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
  await activityStreet(api);
});
afterAll(() => api.stop());

const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const visitsCounted = async () => {
  const figures = await api.callAs(ADMIN, 'activities.figures', MARCH);
  return {
    visits: figures.byKind.find((k) => k.kind === 'voter_visit')?.count,
    voters: figures.votersVisited,
  };
};
const auditOf = async (activityId: string) =>
  (await api.store.listAudit('activity', activityId)).map((a) => ({ action: a.action, actor: a.actor }));

describe('who records which activities', () => {
  test('the committee records any activity; each invited deputy is 待登记 until marked', async () => {
    const view = await api.callAs(ADMIN, 'activities.record', inspection());
    expect(view).toMatchObject({
      scope: 'committee',
      status: 'recorded',
      statusLabel: '已登记',
      kindLabel: '执法检查',
    });
    expect(view.attendees.map((a) => [a.name, a.attendanceLabel])).toEqual([
      ['陈建国', '待登记'],
      ['王秀英', '待登记'],
      ['李志强', '待登记'],
    ]);
    expect(await auditOf(view.id)).toEqual([{ action: 'activities.record', actor: ADMIN }]);
  });

  test('only the committee and the group’s 组长 record the group’s activities', async () => {
    const byLeader = await api.callAs(WANG, 'activities.record', groupForum());
    expect(byLeader).toMatchObject({ scope: 'group', status: 'recorded', group: { id: EAST, name: '青溪城区组' } });
    expect(await codeOf(api, ADMIN, 'activities.record', groupForum())).toBe('ok');
    // A member who is not 组长, the 组长 of another group, and staff are refused.
    expect(await codeOf(api, LI, 'activities.record', groupForum())).toBe('FORBIDDEN');
    expect(await codeOf(api, ZHANG, 'activities.record', groupForum())).toBe('FORBIDDEN');
    expect(await codeOf(api, STAFF, 'activities.record', groupForum())).toBe('FORBIDDEN');
    expect(await codeOf(api, WANG, 'activities.record', groupForum({ groupId: WEST }))).toBe('FORBIDDEN');
  });

  test('a 组长 records only the kinds a group holds, and a deputy no committee activity', async () => {
    const { body } = await api.answerAs(WANG, 'activities.record', groupForum({ kind: 'special_inquiry' }));
    expect(body.ok ? 'ok' : body.error).toEqual({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('小组活动可登记'),
    });
    expect(await codeOf(api, WANG, 'activities.record', inspection())).toBe('FORBIDDEN');
    expect(await codeOf(api, DEPUTY, 'activities.record', inspection())).toBe('FORBIDDEN');
  });

  test('what an activity cites must exist: deputies in office, a group, the activity it follows, 建议 and opinions', async () => {
    const cases = [
      inspection({ deputyIds: ['d01', 'no-such-deputy'] }),
      inspection({ groupId: 'no-such-group' }),
      inspection({ followsActivityId: 'no-such-activity' }),
      inspection({ suggestionIds: ['no-such-suggestion'] }),
      inspection({ opinionIds: ['no-such-opinion'] }),
      inspection({ deputyIds: [] }),
    ];
    for (const input of cases) expect(await codeOf(api, ADMIN, 'activities.record', input)).toBe('INVALID_INPUT');
  });

  test('a 回头看 links back to the activity it follows', async () => {
    const first = await api.callAs(ADMIN, 'activities.record', inspection());
    const follow = await api.callAs(
      ADMIN,
      'activities.record',
      inspection({ title: '执法检查回头看', date: '2026-03-25', followsActivityId: first.id }),
    );
    expect(follow.followsActivity).toEqual({ id: first.id, title: first.title, date: first.date });
  });

  test('text that others read passes the content check', async () => {
    expect(await codeOf(api, ADMIN, 'activities.record', inspection({ outcome: '现场有人兜售代开发票' }))).toBe(
      'CONTENT_REJECTED',
    );
  });
});

describe('a deputy’s own visit counts once staff confirm it', () => {
  test('recorded by the deputy alone: present, at their station, pending; nothing counts before confirmation', async () => {
    const before = await visitsCounted();
    const view = await api.callAs(DEPUTY, 'activities.record', visit(12));
    expect(view).toMatchObject({ scope: 'deputy', status: 'pending', statusLabel: '待确认', votersVisited: 12 });
    expect(view.attendees).toEqual([expect.objectContaining({ deputyId: 'd01', attendance: 'present' })]);
    expect((await api.store.getActivity(view.id))?.stationId).toBe('qx-jiedao');
    expect(await visitsCounted()).toEqual(before);

    // Staff of another station do not see it; staff of the deputy's station confirm it.
    expect(await codeOf(api, STAFF_WENCHANG, 'activities.review', { activityId: view.id, confirm: true })).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(api, DEPUTY, 'activities.review', { activityId: view.id, confirm: true })).toBe('FORBIDDEN');
    expect(await visitsCounted()).toEqual(before);
    const confirmed = await api.callAs(STAFF, 'activities.review', { activityId: view.id, confirm: true });
    expect(confirmed).toMatchObject({ status: 'confirmed', statusLabel: '已确认' });
    expect(await visitsCounted()).toEqual({ visits: (before.visits ?? 0) + 1, voters: before.voters + 12 });
    expect(
      await codeOf(api, STAFF, 'activities.review', { activityId: view.id, confirm: false, note: '重复登记' }),
    ).toBe('CONFLICT');
    expect(await auditOf(view.id)).toEqual([
      { action: 'activities.record', actor: DEPUTY },
      { action: 'activities.review', actor: STAFF },
    ]);
  });

  test('a visit not confirmed never counts, and declining it needs a note', async () => {
    const before = await visitsCounted();
    const view = await api.callAs(DEPUTY, 'activities.record', visit(30));
    expect(await codeOf(api, STAFF, 'activities.review', { activityId: view.id, confirm: false })).toBe(
      'INVALID_INPUT',
    );
    const rejected = await api.callAs(STAFF, 'activities.review', {
      activityId: view.id,
      confirm: false,
      note: '当天代表在外参加培训，与登记不符',
    });
    expect(rejected).toMatchObject({ status: 'rejected', review: { note: '当天代表在外参加培训，与登记不符' } });
    expect(await visitsCounted()).toEqual(before);
  });

  test('a deputy records only their own visits: no other deputy, no other kind', async () => {
    expect(await codeOf(api, DEPUTY, 'activities.record', visit(5, { deputyIds: ['d02'] }))).toBe('FORBIDDEN');
    expect(await codeOf(api, DEPUTY, 'activities.record', visit(5, { deputyIds: ['d01'] }))).toBe('ok');
    expect(
      await codeOf(api, DEPUTY, 'activities.record', {
        ...visit(5),
        kind: 'training',
        votersVisited: undefined,
      } as never),
    ).toBe('FORBIDDEN');
    expect(await codeOf(api, STAFF, 'activities.record', visit(5))).toBe('FORBIDDEN');
  });

  test('the committee confirms a visit of any station', async () => {
    const view = await api.callAs(ZHANG, 'activities.record', visit(8));
    expect((await api.callAs(ADMIN, 'activities.review', { activityId: view.id, confirm: true })).status).toBe(
      'confirmed',
    );
  });
});

describe('attendance is marked, and corrected only with a reason', () => {
  test('出席 / 请假 with a reason / 缺席; a change needs a correction reason and is listed', async () => {
    const { id } = await api.callAs(ADMIN, 'activities.record', inspection());
    await api.callAs(ADMIN, 'activities.markAttendance', { activityId: id, deputyId: 'd01', attendance: 'present' });
    const { body: noReason } = await api.answerAs(ADMIN, 'activities.markAttendance', {
      activityId: id,
      deputyId: 'd02',
      attendance: 'leave',
    });
    expect(noReason.ok ? 'ok' : noReason.error.code).toBe('INVALID_INPUT');
    await api.callAs(ADMIN, 'activities.markAttendance', {
      activityId: id,
      deputyId: 'd02',
      attendance: 'leave',
      leaveReason: '参加县人大常委会会议',
    });
    await api.callAs(ADMIN, 'activities.markAttendance', { activityId: id, deputyId: 'd03', attendance: 'absent' });

    // Changing a mark already made, without a reason: refused, nothing written.
    const stored = await api.store.getActivity(id);
    const { body: silent } = await api.answerAs(ADMIN, 'activities.markAttendance', {
      activityId: id,
      deputyId: 'd03',
      attendance: 'present',
    });
    expect(silent.ok ? 'ok' : silent.error).toEqual({
      code: 'INVALID_INPUT',
      message: '已登记为缺席，更改请填写更正原因',
    });
    expect(await api.store.getActivity(id)).toEqual(stored);

    const corrected = await api.callAs(ADMIN, 'activities.markAttendance', {
      activityId: id,
      deputyId: 'd03',
      attendance: 'present',
      correctionReason: '签到表漏签，经核实实际出席',
    });
    expect(corrected.attendees.map((a) => a.attendanceLabel)).toEqual(['出席', '请假', '出席']);
    expect(corrected.corrections).toEqual([
      expect.objectContaining({
        name: '李志强',
        fromLabel: '缺席',
        toLabel: '出席',
        reason: '签到表漏签，经核实实际出席',
      }),
    ]);
    expect((await auditOf(id)).map((a) => a.action)).toEqual([
      'activities.record',
      'activities.markAttendance',
      'activities.markAttendance',
      'activities.markAttendance',
      'activities.markAttendance',
    ]);
    const last = (await api.store.listAudit('activity', id)).at(-1);
    expect(last?.detail).toMatchObject({ deputyId: 'd03', from: 'absent', to: 'present' });
  });

  test('marking again what is already marked writes nothing', async () => {
    const { id } = await api.callAs(ADMIN, 'activities.record', inspection());
    await api.callAs(ADMIN, 'activities.markAttendance', { activityId: id, deputyId: 'd01', attendance: 'present' });
    const stored = await api.store.getActivity(id);
    await api.callAs(ADMIN, 'activities.markAttendance', { activityId: id, deputyId: 'd01', attendance: 'present' });
    expect(await api.store.getActivity(id)).toEqual(stored);
    expect(await api.store.listAudit('activity', id)).toHaveLength(2);
  });

  test('the committee and the group’s 组长 mark a group activity; its members and other deputies do not', async () => {
    const { id } = await api.callAs(WANG, 'activities.record', groupForum());
    const mark = { activityId: id, deputyId: 'd01', attendance: 'present' as const };
    expect(await codeOf(api, LI, 'activities.markAttendance', mark)).toBe('FORBIDDEN');
    expect(await codeOf(api, ZHANG, 'activities.markAttendance', mark)).toBe('NOT_FOUND');
    expect(await codeOf(api, STAFF, 'activities.markAttendance', mark)).toBe('FORBIDDEN');
    expect(await codeOf(api, WANG, 'activities.markAttendance', mark)).toBe('ok');
    expect(await codeOf(api, ADMIN, 'activities.markAttendance', { ...mark, deputyId: 'd03' })).toBe('ok');
  });

  test('a 组长 marks no committee activity, and only invited deputies are marked', async () => {
    const { id } = await api.callAs(ADMIN, 'activities.record', inspection());
    expect(
      await codeOf(api, WANG, 'activities.markAttendance', { activityId: id, deputyId: 'd01', attendance: 'present' }),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(api, ADMIN, 'activities.markAttendance', { activityId: id, deputyId: 'd05', attendance: 'present' }),
    ).toBe('INVALID_INPUT');
  });

  test('a deputy’s own visit has no attendance to mark', async () => {
    const { id } = await api.callAs(DEPUTY, 'activities.record', visit(3));
    expect(
      await codeOf(api, ADMIN, 'activities.markAttendance', { activityId: id, deputyId: 'd01', attendance: 'absent' }),
    ).toBe('FORBIDDEN');
  });
});

// Called on the function's entry inside this process, so that the calls interleave at each await
// (as in concurrency-over-http.test.ts): both read the activity before either writes.
const as = (openid: string) => ({ environment: JSON.stringify({ TRIGGER_SRC: 'http', WX_OPENID: openid }) });
const codes = (results: Array<{ ok: boolean; error?: { code: string; message: string } }>) =>
  results.map((r) => (r.ok ? 'ok' : r.error!.code)).sort();

describe('concurrent changes: one wins', () => {
  test('two marks of the same deputy at once: one is kept, the other is CONFLICT and writes nothing', async () => {
    const { id } = await api.callAs(ADMIN, 'activities.record', inspection());
    const results = (await Promise.all([
      activities({ action: 'markAttendance', activityId: id, deputyId: 'd01', attendance: 'present' }, as(ADMIN)),
      activities({ action: 'markAttendance', activityId: id, deputyId: 'd01', attendance: 'absent' }, as(ADMIN)),
    ])) as Array<{ ok: boolean; error?: { code: string; message: string } }>;
    expect(codes(results)).toEqual(['CONFLICT', 'ok']);
    expect(results.find((r) => !r.ok)?.error?.message).toBe('这项活动刚刚被其他人修改过，请刷新后再操作');
    const stored = await api.store.getActivity(id);
    expect(stored?.version).toBe(2);
    expect(stored?.corrections).toEqual([]);
    expect(await api.store.listAudit('activity', id)).toHaveLength(2);
  });

  test('a confirmation and a refusal of one visit at once: exactly one of them happens', async () => {
    const { id } = await api.callAs(DEPUTY, 'activities.record', visit(4));
    const results = (await Promise.all([
      activities({ action: 'review', activityId: id, confirm: true }, as(STAFF)),
      activities({ action: 'review', activityId: id, confirm: false, note: '信息不全' }, as(ADMIN)),
    ])) as Array<{ ok: boolean; error?: { code: string; message: string } }>;
    expect(codes(results)).toEqual(['CONFLICT', 'ok']);
    expect(await api.store.listAudit('activity', id)).toHaveLength(2);
  });
});

describe('人大小组', () => {
  test('only the committee sets a group; a deputy is in one group at most; the change is audited', async () => {
    const group = { groupId: 'g-new', name: '新组', area: '来薰片', memberDeputyIds: ['d06', 'd07'] };
    expect(await codeOf(api, STAFF, 'activities.setGroup', group)).toBe('FORBIDDEN');
    expect(await codeOf(api, WANG, 'activities.setGroup', group)).toBe('FORBIDDEN');
    expect(await codeOf(api, ADMIN, 'activities.setGroup', { ...group, memberDeputyIds: ['d06', 'd01'] })).toBe(
      'INVALID_INPUT',
    );
    const view = await api.callAs(ADMIN, 'activities.setGroup', { ...group, leaderDeputyId: 'd06' });
    expect(view).toMatchObject({ name: '新组', leader: { id: 'd06', name: '杨春梅' } });
    expect((await api.store.listAudit('group', 'g-new')).map((a) => a.action)).toEqual(['activities.setGroup']);
    const { groups } = await api.callAs(DEPUTY, 'activities.groups', {});
    expect(groups.map((g) => g.name)).toEqual(['青溪城区组', '文昌组', '新组']);
  });
});
