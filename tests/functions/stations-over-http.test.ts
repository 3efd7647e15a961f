import { getRuntime } from '../../server/runtime/runtime';
import { startLocalApi } from '../support/local-api';

let api: Awaited<ReturnType<typeof startLocalApi>>;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

describe('stations.list over HTTP', () => {
  test('lists every station of the street with its next three sessions', async () => {
    const { status, body } = await api.post('stations', { action: 'list' });
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.data.items).toHaveLength(8);
    const first = body.data.items[0];
    expect(first.id).toBe('qx-jiedao');
    // Rule: odd months the 5th, even months the 20th; today is 2026-03-01.
    expect(first.nextSessions.map((s: { date: string }) => s.date)).toEqual(['2026-03-05', '2026-04-20', '2026-05-06']);
    expect(first.distanceMeters).toBeUndefined();
  });

  test('with a location, nearest first and each with its distance', async () => {
    const youche = { latitude: 29.46588, longitude: 121.86133 };
    const { body } = await api.post('stations', { action: 'list', near: youche });
    const items = body.data.items as Array<{ id: string; distanceMeters: number }>;
    expect(items[0]).toMatchObject({ id: 'qx-youche', distanceMeters: 0 });
    const distances = items.map((s) => s.distanceMeters);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  test('a location out of range is refused with a Chinese message', async () => {
    const { status, body } = await api.post('stations', { action: 'list', near: { latitude: 200, longitude: 0 } });
    expect(status).toBe(400);
    expect(body).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '纬度超出范围' } });
  });
});

describe('stations.get over HTTP', () => {
  test('answers the station with its deputies and six sessions', async () => {
    const { body } = await api.post('stations', { action: 'get', stationId: 'qx-jiedao' });
    expect(body.ok).toBe(true);
    expect(body.data.deputies.map((d: { name: string }) => d.name)).toEqual(['陈建国', '王秀英', '李志强']);
    expect(body.data.sessions).toHaveLength(6);
    expect(body.data.deputies[0]).not.toHaveProperty('active');
  });

  test('names the 人大小组 of each deputy who belongs to one, and no group for the others', async () => {
    const { store } = await getRuntime();
    await store.putGroup(
      {
        id: 'g-test',
        name: '城区人大小组',
        area: '城区片',
        memberDeputyIds: ['d01', 'd03'],
        leaderDeputyId: 'd01',
        sortOrder: 1,
      },
      { at: Date.now(), actor: 'demo-admin', action: 'activities.setGroup', targetType: 'group', targetId: 'g-test' },
    );
    const { body } = await api.post('stations', { action: 'get', stationId: 'qx-jiedao' });
    const groups = Object.fromEntries(
      (body.data.deputies as Array<{ name: string; groupName?: string }>).map((d) => [d.name, d.groupName]),
    );
    expect(groups).toEqual({ 陈建国: '城区人大小组', 王秀英: undefined, 李志强: '城区人大小组' });
  });

  test('a cancelled session is shown with its reason', async () => {
    const { body } = await api.post('stations', { action: 'get', stationId: 'qx-laixun' });
    const cancelled = body.data.sessions.find((s: { status: string }) => s.status === 'cancelled');
    expect(cancelled.date).toBe('2026-04-15');
    expect(cancelled.reason).toContain('本月接待暂停');
  });

  test('an unknown station is NOT_FOUND', async () => {
    const { status, body } = await api.post('stations', { action: 'get', stationId: 'nope' });
    expect(status).toBe(404);
    expect(body).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这个联络站，可能已被撤并' } });
  });
});

describe('bad requests get INVALID_INPUT and never an echo or a stack', () => {
  test.each`
    case                         | body
    ${'malformed JSON'}          | ${'{"action":'}
    ${'an empty body'}           | ${''}
    ${'an array'}                | ${'[1,2]'}
    ${'no action'}               | ${'{"stationId":"qx-jiedao"}'}
    ${'an unknown action'}       | ${'{"action":"drop"}'}
    ${'a numeric station id'}    | ${'{"action":"get","stationId":42}'}
    ${'an over-long station id'} | ${JSON.stringify({ action: 'get', stationId: 'x'.repeat(100) })}
    ${'an id with markup'}       | ${'{"action":"get","stationId":"<script>"}'}
  `('$case', async ({ body }) => {
    const result = await api.post('stations', body, undefined, true);
    expect(result.status).toBe(400);
    expect(result.body.ok).toBe(false);
    expect(result.body.error.code).toBe('INVALID_INPUT');
    expect(result.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(JSON.stringify(result.body)).not.toMatch(/script|at \w+ \(|stationId/);
  });

  test('an unknown function is NOT_FOUND', async () => {
    const { status, body } = await api.post('nothing', { action: 'list' });
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
  });
});
