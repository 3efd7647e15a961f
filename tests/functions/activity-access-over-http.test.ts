import { startLocalApi } from '../support/local-api';
import {
  activityStreet,
  codeOf,
  EAST,
  groupForum,
  inspection,
  LI,
  STAFF_WENCHANG,
  UNIT,
  visit,
  VOTER,
  WANG,
  ZHANG,
} from '../support/activity-calls';
import { ADMIN, DEPUTY, type LocalApi, STAFF } from '../support/opinion-calls';

// Who sees what of 履职 (docs/DESIGN.md, 履职): the committee everything; staff every activity and
// their own station's visits awaiting confirmation; a deputy what they were invited to and their own
// visits, a 组长 their group's; leave reasons only to the committee, the 组长 and the deputy; units
// and voters nothing.

let api: LocalApi;
let committee: string;
let forum: string;
let zhangVisit: string;
beforeAll(async () => {
  api = await startLocalApi();
  await activityStreet(api);
  // A 执法检查 with 陈建国 and 李志强 (王秀英 is not invited); 陈建国 on leave.
  committee = (await api.callAs(ADMIN, 'activities.record', inspection({ deputyIds: ['d01', 'd03'] }))).id;
  await api.callAs(ADMIN, 'activities.markAttendance', {
    activityId: committee,
    deputyId: 'd01',
    attendance: 'leave',
    leaveReason: '陪同家人就医',
  });
  // 青溪城区组's 座谈会 with 李志强 only; 李志强 on leave.
  forum = (await api.callAs(WANG, 'activities.record', groupForum({ deputyIds: ['d03'] }))).id;
  await api.callAs(WANG, 'activities.markAttendance', {
    activityId: forum,
    deputyId: 'd03',
    attendance: 'leave',
    leaveReason: '出庭代理案件',
  });
  zhangVisit = (await api.callAs(ZHANG, 'activities.record', visit(6))).id;
});
afterAll(() => api.stop());

const reasonsSeen = async (openid: string, activityId: string) =>
  (await api.callAs(openid, 'activities.get', { activityId })).attendees.map((a) => a.leaveReason ?? '—');

describe('who sees an activity', () => {
  test('the committee and staff see the committee’s and the group’s activities', async () => {
    for (const caller of [ADMIN, STAFF, STAFF_WENCHANG]) {
      expect(await codeOf(api, caller, 'activities.get', { activityId: committee })).toBe('ok');
      expect(await codeOf(api, caller, 'activities.get', { activityId: forum })).toBe('ok');
    }
  });

  test('a deputy sees what they were invited to; a 组长 all of their group’s', async () => {
    expect(await codeOf(api, DEPUTY, 'activities.get', { activityId: committee })).toBe('ok');
    expect(await codeOf(api, WANG, 'activities.get', { activityId: committee })).toBe('NOT_FOUND');
    // 陈建国 was not invited to the 座谈会; 王秀英 leads the group; 张丽华 is of another group.
    expect(await codeOf(api, DEPUTY, 'activities.get', { activityId: forum })).toBe('NOT_FOUND');
    expect(await codeOf(api, WANG, 'activities.get', { activityId: forum })).toBe('ok');
    expect(await codeOf(api, ZHANG, 'activities.get', { activityId: forum })).toBe('NOT_FOUND');
  });

  test('a pending visit: its deputy, their station’s staff and the committee; not other stations’ staff', async () => {
    expect(await codeOf(api, ZHANG, 'activities.get', { activityId: zhangVisit })).toBe('ok');
    expect(await codeOf(api, STAFF_WENCHANG, 'activities.get', { activityId: zhangVisit })).toBe('ok');
    expect(await codeOf(api, ADMIN, 'activities.get', { activityId: zhangVisit })).toBe('ok');
    expect(await codeOf(api, STAFF, 'activities.get', { activityId: zhangVisit })).toBe('NOT_FOUND');
    expect(await codeOf(api, DEPUTY, 'activities.get', { activityId: zhangVisit })).toBe('NOT_FOUND');
    const pending = await api.callAs(STAFF_WENCHANG, 'activities.list', { pending: true });
    expect(pending.items.map((a) => a.id)).toContain(zhangVisit);
    expect((await api.callAs(STAFF, 'activities.list', { pending: true })).items.map((a) => a.id)).not.toContain(
      zhangVisit,
    );
  });

  test('a deputy’s list holds their own activities; another deputy’s only for their 组长', async () => {
    const mine = await api.callAs(LI, 'activities.list', {});
    expect(mine.items.map((a) => a.id).sort()).toEqual([committee, forum].sort());
    expect(await codeOf(api, DEPUTY, 'activities.list', { deputyId: 'd03' })).toBe('FORBIDDEN');
    expect(await codeOf(api, WANG, 'activities.list', { deputyId: 'd03' })).toBe('ok');
    expect(await codeOf(api, DEPUTY, 'activities.list', { groupId: EAST })).toBe('FORBIDDEN');
    expect((await api.callAs(WANG, 'activities.list', { groupId: EAST })).items.map((a) => a.id)).toEqual([forum]);
  });
});

describe('leave reasons', () => {
  test('the committee and the deputy themselves read a leave reason; other deputies and staff see only 请假', async () => {
    expect(await reasonsSeen(ADMIN, committee)).toEqual(['陪同家人就医', '—']);
    expect(await reasonsSeen(DEPUTY, committee)).toEqual(['陪同家人就医', '—']);
    expect(await reasonsSeen(LI, committee)).toEqual(['—', '—']);
    expect(await reasonsSeen(STAFF, committee)).toEqual(['—', '—']);
    const seenByLi = await api.callAs(LI, 'activities.get', { activityId: committee });
    expect(seenByLi.attendees[0]).toMatchObject({ name: '陈建国', attendanceLabel: '请假' });
  });

  test('the group’s 组长 reads the reasons of the group’s activities', async () => {
    expect(await reasonsSeen(WANG, forum)).toEqual(['出庭代理案件']);
    expect(await reasonsSeen(LI, forum)).toEqual(['出庭代理案件']);
    expect(await reasonsSeen(STAFF, forum)).toEqual(['—']);
  });
});

describe('units and voters have no part in 履职', () => {
  test.each([UNIT, VOTER])('%s is refused every action', async (caller) => {
    const calls = [
      codeOf(api, caller, 'activities.list', {}),
      codeOf(api, caller, 'activities.get', { activityId: committee }),
      codeOf(api, caller, 'activities.groups', {}),
      codeOf(api, caller, 'activities.deputyRecord', { deputyId: 'd01', from: '2026-01-01', to: '2026-12-31' }),
      codeOf(api, caller, 'activities.figures', { from: '2026-01-01', to: '2026-12-31' }),
      codeOf(api, caller, 'activities.record', visit(3)),
      codeOf(api, caller, 'activities.review', { activityId: zhangVisit, confirm: true }),
      codeOf(api, caller, 'activities.markAttendance', {
        activityId: committee,
        deputyId: 'd03',
        attendance: 'present',
      }),
    ];
    expect(await Promise.all(calls)).toEqual(Array(8).fill('FORBIDDEN'));
  });

  test('anyone without an OPENID is asked to open the app in WeChat', async () => {
    expect(await codeOf(api, undefined, 'activities.list', {})).toBe('UNAUTHENTICATED');
  });

  test('a deputy reads only their own 履职档案; the figures are the committee’s and staff’s', async () => {
    const period = { from: '2026-01-01', to: '2026-12-31' };
    expect(await codeOf(api, DEPUTY, 'activities.deputyRecord', { deputyId: 'd01', ...period })).toBe('ok');
    expect(await codeOf(api, DEPUTY, 'activities.deputyRecord', { deputyId: 'd03', ...period })).toBe('FORBIDDEN');
    expect(await codeOf(api, STAFF, 'activities.deputyRecord', { deputyId: 'd03', ...period })).toBe('ok');
    expect(await codeOf(api, DEPUTY, 'activities.figures', period)).toBe('FORBIDDEN');
    expect(await codeOf(api, STAFF, 'activities.figures', period)).toBe('ok');
  });
});
