import { main as scheduler } from '../../cloudfunctions/scheduler/index';
import { startLocalApi } from '../support/local-api';

// 2026-03-01 10:00 Shanghai. 青溪街道联络站 (qx-jiedao) receives on the 5th of odd months and the
// 20th of even months: Thursday 5 March, then Monday 20 April.
let now = Date.UTC(2026, 2, 1, 2, 0);
let api: Awaited<ReturnType<typeof startLocalApi>>;
beforeAll(async () => {
  api = await startLocalApi({ now: () => now });
});
afterAll(() => api.stop());

/** The scheduler's every-minute trigger; from 18:00 its run reminds followers of tomorrow's sessions. */
const timer = () =>
  scheduler({ Type: 'Timer', TriggerName: 'tick' }, { environment: JSON.stringify({ TRIGGER_SRC: 'timer' }) });
const station = async (openid?: string) =>
  (await api.post('stations', { action: 'get', stationId: 'qx-jiedao' }, openid)).body.data;
const messages = async (kind: string) => (await api.store.listOutbox(200)).filter((m) => m.kind === kind);

describe('voters follow a station and hear about its reception days', () => {
  test('a voter follows the station, and the station says so to them only', async () => {
    expect((await station('voter-a')).following).toBe(false);
    const { body } = await api.post('stations', { action: 'follow', stationId: 'qx-jiedao', follow: true }, 'voter-a');
    expect(body.data).toEqual({ stationId: 'qx-jiedao', following: true });
    await api.post('stations', { action: 'follow', stationId: 'qx-jiedao', follow: true }, 'voter-b');
    expect((await station('voter-a')).following).toBe(true);
    expect((await station()).following).toBeUndefined();
  });

  test('staff give April a theme and deputies on duty; voters see it', async () => {
    const { body } = await api.post(
      'stations',
      { action: 'setSession', stationId: 'qx-jiedao', month: '2026-04', theme: '剿劣治水', deputyIds: ['d01'] },
      'demo-staff',
    );
    expect(body.data).toEqual({ month: '2026-04', date: '2026-04-20', status: 'scheduled' });
    const april = (await station('voter-a')).sessions.find((s: { date: string }) => s.date === '2026-04-20');
    expect(april).toMatchObject({ theme: '剿劣治水', deputiesOnDuty: ['陈建国'] });
    expect(await messages('session_changed')).toEqual([]);
  });

  test('cancelling needs a reason, and every follower is told', async () => {
    const noReason = await api.post(
      'stations',
      { action: 'setSession', stationId: 'qx-jiedao', month: '2026-03', cancelled: true },
      'demo-staff',
    );
    expect(noReason.body.error).toEqual({
      code: 'INVALID_INPUT',
      message: '取消或改期接待日，请写明原因，关注的选民会收到通知',
    });
    const { body } = await api.post(
      'stations',
      { action: 'setSession', stationId: 'qx-jiedao', month: '2026-03', cancelled: true, reason: '代表参加县人代会' },
      'demo-staff',
    );
    expect(body.data.status).toBe('cancelled');
    expect((await messages('session_changed')).map((m) => m.recipientOpenid).sort()).toEqual(['voter-a', 'voter-b']);
    const march = (await station('voter-a')).sessions[0];
    expect(march).toMatchObject({ date: '2026-03-05', status: 'cancelled', reason: '代表参加县人代会' });
  });

  test.each`
    who              | why
    ${'voter-a'}     | ${'a voter'}
    ${'demo-deputy'} | ${'a deputy'}
  `('$why cannot change sessions', async ({ who }) => {
    const { status, body } = await api.post(
      'stations',
      { action: 'setSession', stationId: 'qx-jiedao', month: '2026-05', theme: '随便' },
      who,
    );
    expect(status).toBe(403);
    expect(body.error.message).toBe('只有本站工作人员可以安排接待日');
  });

  test('staff of one station cannot change another station’s sessions', async () => {
    const { status } = await api.post(
      'stations',
      { action: 'setSession', stationId: 'qx-wenchang', month: '2026-05', theme: '随便' },
      'demo-staff',
    );
    expect(status).toBe(403);
  });

  test('a cancelled session sends no reminder; the day before a held one, each follower is reminded once', async () => {
    now = Date.UTC(2026, 2, 4, 10, 0); // 4 March 18:00 — but March is cancelled
    await timer();
    expect(await messages('session_reminder')).toEqual([]);
    now = Date.UTC(2026, 3, 19, 10, 0); // 19 April 18:00, the eve of the themed April session
    await Promise.all([timer(), timer()]);
    await timer();
    const reminders = await messages('session_reminder');
    expect(reminders.map((m) => m.recipientOpenid).sort()).toEqual(['voter-a', 'voter-b']);
    expect(reminders[0]?.payload).toMatchObject({ theme: '剿劣治水', start: '08:30', end: '11:30' });
  });

  test('a session moved into the next month is still its own month’s, so staff change the right one', async () => {
    now = Date.UTC(2026, 3, 21, 2, 0); // 21 April; May's session is on the 5th
    const { body } = await api.post(
      'stations',
      { action: 'setSession', stationId: 'qx-jiedao', month: '2026-05', movedTo: '2026-06-02', reason: '场地检修' },
      'demo-staff',
    );
    expect(body.data).toEqual({ month: '2026-05', date: '2026-06-02', status: 'moved' });
    const sessions = (await station('voter-a')).sessions as Array<{ month: string; date: string; status: string }>;
    expect(sessions.filter((s) => s.date.startsWith('2026-06')).map((s) => [s.month, s.date, s.status])).toEqual([
      ['2026-05', '2026-06-02', 'moved'],
      ['2026-06', '2026-06-22', 'scheduled'],
    ]);
  });

  test('unfollowing stops the reminders', async () => {
    await api.post('stations', { action: 'follow', stationId: 'qx-jiedao', follow: false }, 'voter-b');
    expect((await station('voter-b')).following).toBe(false);
  });
});
