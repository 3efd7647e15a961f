import { COLLECTION_NAMES } from '../../server/adapters/cloudbase/collections';
import { createCloudbaseStore } from '../../server/adapters/cloudbase/cloudbase-store';
import { seedDemoData } from '../../server/local/seed';
import { activityFigures } from '../../server/services/activity-figures';
import type { ActivityFiguresView } from '../../src/domain/activity-views';
import { FIXED_NOW, startLocalApi } from '../support/local-api';
import { createMemoryDatabase, memoryCloudbaseApp } from '../support/memory-cloudbase';
import {
  activityStreet,
  codeOf,
  groupForum,
  inspection,
  STAFF_WENCHANG,
  visit,
  WANG,
  ZHANG,
} from '../support/activity-calls';
import { ADMIN, DEPUTY, type LocalApi, STAFF } from '../support/opinion-calls';
import { suggestionIn, suggestionStreet } from '../support/suggestion-calls';

// Activities of March–May 2026 worked through the API; the figures for that period must match the
// counts written out below, on the SQLite store over the API and on the CloudBase store (its
// in-memory stand-in) from the same documents.
//
//   A1 执法检查 03-10 (committee)   陈建国 出席, 王秀英 请假, 李志强 缺席
//   A2 调研视察 04-08 (committee)   all three 出席
//   A3 代表联络座谈会 04-20 (青溪城区组, its 组长 王秀英)   陈建国 出席, 王秀英 出席, 李志强 请假
//   A4 代表培训 05-06 (committee)   陈建国 缺席, 张丽华 出席, 刘海涛 never marked
//   A5 专题询问 05-20, A6 专题审议 05-21 (committee)   李志强 缺席 at both
//   V1 陈建国's visit 03-15, 12 voters, confirmed     V2 陈建国's visit, 30 voters, not confirmed
//   V3 张丽华's visit 04-02, 8 voters, confirmed      V4 陈建国's visit, 5 voters, still pending
//   A7 代表培训 06-05: after the period
//   主题接待日: 青溪街道 03 (set below), 04, 05 and 文昌 04, 油车 05 (seeded); 丹峰 04 cancelled.
const clock = { at: FIXED_NOW, now: () => clock.at };
let api: LocalApi;

const PERIOD = { from: '2026-03-01', to: '2026-05-31' };

async function committee(
  input: Parameters<typeof inspection>[0],
  marks: Record<string, 'present' | 'leave' | 'absent'>,
) {
  const { id } = await api.callAs(ADMIN, 'activities.record', inspection(input));
  for (const [deputyId, attendance] of Object.entries(marks)) {
    await api.callAs(ADMIN, 'activities.markAttendance', {
      activityId: id,
      deputyId,
      attendance,
      ...(attendance === 'leave' ? { leaveReason: '另有公务' } : {}),
    });
  }
}

beforeAll(async () => {
  api = await startLocalApi(clock);
  await suggestionStreet(api);
  await activityStreet(api);
  await committee({ date: '2026-03-10' }, { d01: 'present', d02: 'leave', d03: 'absent' });
  await committee(
    { kind: 'research_inspection', title: '城区排涝设施调研视察', date: '2026-04-08' },
    { d01: 'present', d02: 'present', d03: 'present' },
  );
  const forum = await api.callAs(WANG, 'activities.record', groupForum({ date: '2026-04-20' }));
  for (const [deputyId, attendance] of [
    ['d01', 'present'],
    ['d02', 'present'],
    ['d03', 'leave'],
  ] as const) {
    await api.callAs(WANG, 'activities.markAttendance', {
      activityId: forum.id,
      deputyId,
      attendance,
      ...(attendance === 'leave' ? { leaveReason: '出庭' } : {}),
    });
  }
  await committee(
    { kind: 'training', title: '新任代表履职培训', date: '2026-05-06', deputyIds: ['d01', 'd04', 'd05'] },
    { d01: 'absent', d04: 'present' },
  );
  await committee(
    { kind: 'special_inquiry', title: '城区停车管理专题询问', date: '2026-05-20', deputyIds: ['d03'] },
    { d03: 'absent' },
  );
  await committee(
    { kind: 'special_deliberation', title: '审议财政预算执行情况', date: '2026-05-21', deputyIds: ['d03'] },
    { d03: 'absent' },
  );
  const v1 = await api.callAs(DEPUTY, 'activities.record', visit(12, { date: '2026-03-15' }));
  await api.callAs(STAFF, 'activities.review', { activityId: v1.id, confirm: true });
  const v2 = await api.callAs(DEPUTY, 'activities.record', visit(30, { date: '2026-03-20' }));
  await api.callAs(STAFF, 'activities.review', { activityId: v2.id, confirm: false, note: '与实际不符' });
  const v3 = await api.callAs(ZHANG, 'activities.record', visit(8, { date: '2026-04-02' }));
  await api.callAs(STAFF_WENCHANG, 'activities.review', { activityId: v3.id, confirm: true });
  await api.callAs(DEPUTY, 'activities.record', visit(5, { date: '2026-05-10' }));
  await committee({ kind: 'training', title: '代表履职能力培训', date: '2026-06-05' }, { d01: 'present' });

  // 陈建国 on duty in March (and in April, seeded); 丹峰's themed April session cancelled.
  await api.callAs(STAFF, 'stations.setSession', {
    stationId: 'qx-jiedao',
    month: '2026-03',
    theme: '食品安全宣传',
    deputyIds: ['d01', 'd02'],
  });
  await api.store.putSessionOverride(
    { stationId: 'qx-danfeng', month: '2026-04', theme: '企业用工与交通出行', cancelled: true, reason: '台风停课' },
    { at: FIXED_NOW, actor: 'test', action: 'test.session', targetType: 'station', targetId: 'qx-danfeng' },
  );
  // Two 建议 of 陈建国 submitted in March: one answered (alone), one co-signed by 王秀英 and submitted.
  await suggestionIn(api, 'answered', { alone: true });
  await suggestionIn(api, 'submitted');

  clock.at = Date.parse('2026-06-10T10:00+08:00');
});
afterAll(() => api.stop());

const zeroKinds = {
  special_inquiry: 1,
  special_deliberation: 1,
  work_report_hearing: 0,
  exchange_meeting: 0,
  quarterly_meeting: 0,
};
const BY_KIND: Record<string, number> = {
  law_enforcement_inspection: 1,
  research_inspection: 1,
  training: 1,
  liaison_forum: 1,
  voter_visit: 2,
  ...zeroKinds,
};
const r = (numerator: number, denominator: number) => expect.objectContaining({ numerator, denominator });

/** The figures of March–May, counted by hand. */
const EXPECTED = {
  from: PERIOD.from,
  to: PERIOD.to,
  byKind: expect.arrayContaining(
    Object.entries(BY_KIND).map(([kind, count]) => expect.objectContaining({ kind, count })),
  ),
  themedReceptions: 5,
  votersVisited: 20,
  byGroup: [
    { groupId: 'g-east', name: '青溪城区组', activities: 2, votersVisited: 12 },
    { groupId: 'g-west', name: '文昌组', activities: 1, votersVisited: 8 },
  ],
  minAttendance: 0.6,
  below: ['d03'],
};
const MARKED = [
  { deputyId: 'd01', name: '陈建国', groupName: '青溪城区组', present: 4, leave: 0, absent: 1, votersVisited: 12 },
  { deputyId: 'd02', name: '王秀英', groupName: '青溪城区组', present: 2, leave: 1, absent: 0, votersVisited: 0 },
  { deputyId: 'd03', name: '李志强', groupName: '青溪城区组', present: 1, leave: 1, absent: 3, votersVisited: 0 },
  { deputyId: 'd04', name: '张丽华', groupName: '文昌组', present: 2, leave: 0, absent: 0, votersVisited: 8 },
];
const marked = (f: ActivityFiguresView) =>
  f.deputies
    .filter((d) => d.present + d.leave + d.absent > 0)
    .map(({ attendanceRate, ...d }) => ({ ...d, rate: [attendanceRate.numerator, attendanceRate.denominator] }));
const MARKED_WITH_RATES = MARKED.map((d) => ({ ...d, rate: [d.present, d.present + d.leave + d.absent] }));

describe('activity figures match a count by hand', () => {
  test('over the API, on the SQLite store, for the committee and the staff alike', async () => {
    const figures = await api.callAs(ADMIN, 'activities.figures', PERIOD);
    expect(figures).toMatchObject(EXPECTED);
    expect(figures.byKind).toHaveLength(10);
    expect(marked(figures)).toEqual(MARKED_WITH_RATES);
    expect(await api.callAs(STAFF, 'activities.figures', PERIOD)).toEqual(figures);
  });

  test('on the CloudBase store, from the same documents', async () => {
    const cloud = createCloudbaseStore(memoryCloudbaseApp(createMemoryDatabase({ collections: COLLECTION_NAMES })));
    await seedDemoData(cloud, { now: () => FIXED_NOW });
    const audit = { at: FIXED_NOW, actor: 'test', action: 'test.copy', targetType: 'activity', targetId: 'x' };
    const stations = (await api.store.listStations()).map((s) => s.id);
    for (const o of await api.store.listSessionOverrides(stations, '2026-01')) await cloud.putSessionOverride(o, audit);
    for (const g of await api.store.listGroups()) await cloud.putGroup(g, audit);
    const { items } = await api.store.listActivities({ limit: 100 });
    expect(items).toHaveLength(11);
    for (const a of items) await cloud.createActivity(a, audit);
    const counted = await activityFigures(cloud, PERIOD.from, PERIOD.to, '2026-06-10');
    expect(counted).toMatchObject(EXPECTED);
    expect(marked(counted)).toEqual(MARKED_WITH_RATES);
    expect(counted).toEqual(await activityFigures(api.store, PERIOD.from, PERIOD.to, '2026-06-10'));
  });

  test('a period before any activity counts nothing', async () => {
    const figures = await api.callAs(ADMIN, 'activities.figures', { from: '2026-01-01', to: '2026-02-28' });
    expect(figures).toMatchObject({ votersVisited: 0, below: [] });
    expect(figures.byKind.every((k) => k.count === 0)).toBe(true);
    expect(marked(figures)).toEqual([]);
  });
});

describe('履职档案: one deputy’s record', () => {
  test('陈建国’s numbers for March–May', async () => {
    const record = await api.callAs(DEPUTY, 'activities.deputyRecord', { deputyId: 'd01', ...PERIOD });
    const opinions = await api.callAs(ADMIN, 'reports.stats', { ...PERIOD, deputyId: 'd01' });
    expect(record).toEqual({
      deputy: {
        id: 'd01',
        name: '陈建国',
        title: '县人大代表，青溪街道城建办主任',
        stationName: '青溪街道人大代表联络站',
        group: { id: 'g-east', name: '青溪城区组' },
      },
      ...PERIOD,
      sessionsOnDuty: 2,
      activities: {
        present: 4,
        leave: 0,
        absent: 1,
        attendanceRate: r(4, 5),
        byKind: [
          { kind: 'law_enforcement_inspection', label: '执法检查', present: 1 },
          { kind: 'research_inspection', label: '调研视察', present: 1 },
          { kind: 'liaison_forum', label: '代表联络座谈会', present: 1 },
          { kind: 'voter_visit', label: '走访选民', present: 1 },
        ],
      },
      votersVisited: 12,
      opinions: { handled: opinions.collected, replied: opinions.replied, replyRate: opinions.replyRate },
      suggestions: { led: 2, coSigned: 0, answered: 1, settled: 0 },
    });
    expect(opinions.collected).toBe(4);
  });

  test('王秀英 co-signed one 建议; staff read the same record as the deputy', async () => {
    const record = await api.callAs(STAFF, 'activities.deputyRecord', { deputyId: 'd02', ...PERIOD });
    expect(record).toMatchObject({
      sessionsOnDuty: 1,
      activities: { present: 2, leave: 1, absent: 0 },
      suggestions: { led: 0, coSigned: 1, answered: 0, settled: 0 },
    });
    expect(await api.callAs(WANG, 'activities.deputyRecord', { deputyId: 'd02', ...PERIOD })).toEqual(record);
  });
});

describe('出席率要求: the attendance the committee sets', () => {
  test('the committee raises it: the figures judge by it, and an audit line says who and from what', async () => {
    expect(await api.callAs(ADMIN, 'activities.setMinAttendance', { minAttendance: 0.8 })).toEqual({
      minAttendance: 0.8,
    });
    // 陈建国 at 4 of 5 meets 80% exactly: meeting the bar is not below it.
    expect(await api.callAs(ADMIN, 'activities.figures', PERIOD)).toMatchObject({ minAttendance: 0.8, below: ['d03'] });
    await api.callAs(ADMIN, 'activities.setMinAttendance', { minAttendance: 0.9 });
    expect(await api.callAs(STAFF, 'activities.figures', PERIOD)).toMatchObject({
      minAttendance: 0.9,
      below: ['d01', 'd03'],
    });
    const lines = await api.store.listAudit('setting', 'activities.minAttendance');
    expect(lines.map((a) => [a.action, a.detail])).toEqual([
      ['activities.setMinAttendance', { minAttendance: 0.8, before: 0.6 }],
      ['activities.setMinAttendance', { minAttendance: 0.9, before: 0.8 }],
    ]);
  });

  test('only the committee sets it, within 30%–100%; a refused call changes nothing', async () => {
    expect(await codeOf(api, STAFF, 'activities.setMinAttendance', { minAttendance: 0.5 })).toBe('FORBIDDEN');
    expect(await codeOf(api, DEPUTY, 'activities.setMinAttendance', { minAttendance: 0.5 })).toBe('FORBIDDEN');
    expect(await codeOf(api, ADMIN, 'activities.setMinAttendance', { minAttendance: 0.2 })).toBe('INVALID_INPUT');
    expect(await codeOf(api, ADMIN, 'activities.setMinAttendance', { minAttendance: 1.5 })).toBe('INVALID_INPUT');
    expect(await api.callAs(ADMIN, 'activities.figures', PERIOD)).toMatchObject({ minAttendance: 0.9 });
  });
});
