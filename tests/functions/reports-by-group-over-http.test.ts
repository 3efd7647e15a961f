import type { StatsView } from '../../src/domain/report-views';
import { startLocalApi } from '../support/local-api';
import { ADMIN, type LocalApi, submit } from '../support/opinion-calls';

// reports.stats by 人大小组: staff and the committee see a group's figures as they see a station's —
// its members' opinions added up, the groups adding up to the street.

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
  const { groups } = await api.callAs(ADMIN, 'activities.groups', {});
  if (groups.length === 0) {
    await api.callAs(ADMIN, 'activities.setGroup', {
      groupId: 'grp-qingxi',
      name: '青溪片人大小组',
      area: '青溪片',
      memberDeputyIds: ['d01', 'd02', 'd03'],
      leaderDeputyId: 'd01',
    });
  }
  for (let i = 0; i < 6; i += 1) await submit(api, `group-voter-${i}`);
  await submit(api, 'group-voter-edu', {
    category: 'education',
    content: '文昌小学门口放学时段车辆乱停，孩子过马路很危险，希望安排护学岗。',
  });
});
afterAll(() => api.stop());

const stats = (groupBy: 'group' | 'deputy'): Promise<StatsView> =>
  api.callAs(ADMIN, 'reports.stats', { from: '2026-01-01', to: '2026-12-31', groupBy });

test('each 人大小组 counts the opinions its members hold, and the groups add up to the street', async () => {
  const [byGroup, byDeputy] = await Promise.all([stats('group'), stats('deputy')]);
  const { groups } = await api.callAs(ADMIN, 'activities.groups', {});
  expect(byGroup.collected).toBeGreaterThan(0);
  for (const group of groups) {
    const members = new Set(group.members.map((m) => m.id));
    const expected = (byDeputy.groups ?? [])
      .filter((row) => members.has(row.key))
      .reduce((n, row) => n + row.collected, 0);
    const row = byGroup.groups?.find((g) => g.key === group.id);
    expect(row).toMatchObject({ label: group.name, collected: expected });
  }
  expect((byGroup.groups ?? []).reduce((n, g) => n + g.collected, 0)).toBe(byGroup.collected);
});

test('a group with nothing counted still shows its zero', async () => {
  await api.callAs(ADMIN, 'activities.setGroup', {
    groupId: 'grp-empty-test',
    name: '测试空小组',
    area: '空片',
    memberDeputyIds: [],
  });
  const byGroup = await stats('group');
  expect(byGroup.groups?.find((g) => g.key === 'grp-empty-test')).toMatchObject({ collected: 0 });
});
