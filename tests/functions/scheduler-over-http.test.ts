import { main } from '../../cloudfunctions/scheduler/index';
import { startLocalApi } from '../support/local-api';
import { opinion } from '../server/opinion-fixtures';

// Sunday 2026-03-01 10:00 in Shanghai; each test moves the clock on.
let now = Date.UTC(2026, 2, 1, 2, 0);
let api: Awaited<ReturnType<typeof startLocalApi>>;
beforeAll(async () => {
  api = await startLocalApi({ now: () => now });
});
afterAll(() => api.stop());

const timerContext = { environment: JSON.stringify({ TRIGGER_SRC: 'timer' }) };
/** One firing of the every-minute trigger, as CloudBase sends it. */
const tick = async () => {
  const result = (await main({ Type: 'Timer', TriggerName: 'tick' }, timerContext)) as {
    ok: boolean;
    data: Record<string, any>;
  };
  expect(result.ok).toBe(true);
  return result.data;
};
const shanghai = (wallClock: string) => Date.parse(`${wallClock.replace(' ', 'T')}:00+08:00`);

describe('the timer-only scheduler', () => {
  test.each(['demo-voter', 'demo-staff', 'demo-admin', undefined])(
    'refuses a client call (caller %s)',
    async (openid) => {
      const { status, body } = await api.post('scheduler', { action: 'run' }, openid);
      expect(status).toBe(403);
      expect(body.error).toEqual({ code: 'FORBIDDEN', message: '该功能仅由系统定时执行' });
    },
  );

  test('its first run does every job whose slot is open, then sends the due notifications', async () => {
    await api.post(
      'opinions',
      {
        action: 'submit',
        stationId: 'qx-jiedao',
        category: 'transport',
        content: '来薰路公交站台没有遮雨棚，雨天老人候车很不方便。',
        requestId: 'sched-0001',
      },
      'demo-voter',
    );
    expect(await tick()).toEqual({
      deadlines: { slot: '2026-03-01T09', reminded: 0, escalated: 0, lost: 0 },
      sessions: { slot: '2026-02-28', queued: 0 },
      digest: { slot: '2026-02-23', queued: 0 },
      files: { slot: '2026-03-01T09', deleted: 0 },
      retention: { slot: '2026-03-01', erased: 0 },
      suggestions: { slot: '2026-03-01', reminded: 0, overdue: 0, planOverdue: 0, lost: 0, more: false },
      // The local store's triggers make its counters as they go: nothing to open ahead.
      counters: { slot: '2026-03-01', months: ['2026-03', '2026-04'], opened: 0 },
      outbox: { sent: 1, failed: 0, gaveUp: 0, notSubscribed: 0, skipped: 0 },
    });
  });

  test('a second run in the same slots does nothing but look at the outbox', async () => {
    now += 60_000;
    expect(await tick()).toEqual({ outbox: { sent: 0, failed: 0, gaveUp: 0, notSubscribed: 0, skipped: 0 } });
  });

  test('a warm instance does not ask the store again about the slots it has seen claimed', async () => {
    now += 60_000;
    const claims = jest.spyOn(api.store, 'setMarkerOnce');
    try {
      expect(await tick()).toEqual({ outbox: { sent: 0, failed: 0, gaveUp: 0, notSubscribed: 0, skipped: 0 } });
      expect(claims).not.toHaveBeenCalled();
    } finally {
      claims.mockRestore();
    }
  });

  test('each slot is claimed once: a marker per job and slot', async () => {
    expect(await api.store.getMarker('job:deadlines:2026-03-01T09')).not.toBeNull();
    expect(await api.store.getMarker('job:sessions:2026-02-28')).not.toBeNull();
    expect(await api.store.getMarker('job:digest:2026-02-23')).not.toBeNull();
  });

  test('at 10:05 the next hour’s deadlines run, and only they', async () => {
    now = shanghai('2026-03-01 10:05');
    expect(Object.keys(await tick()).sort()).toEqual(['deadlines', 'outbox']);
  });

  test('at 18:00 the session reminders run once, however many runs overlap', async () => {
    // 青溪街道联络站 receives on Thursday 5 March; a voter follows it.
    await api.post('stations', { action: 'follow', stationId: 'qx-jiedao', follow: true }, 'voter-follows');
    // At 17:59 it is still the 3rd's evening slot (nobody ran it: it is caught up now), for the 4th's sessions.
    now = shanghai('2026-03-04 17:59');
    expect((await tick()).sessions).toEqual({ slot: '2026-03-03', queued: 0 });
    now = shanghai('2026-03-04 18:00');
    const runs = await Promise.all([tick(), tick(), tick()]);
    now += 60_000;
    runs.push(await tick());
    const sessions = runs.filter((run) => run.sessions);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.sessions).toEqual({ slot: '2026-03-04', queued: 1 });
    const reminders = (await api.store.listOutbox(50)).filter((m) => m.kind === 'session_reminder');
    expect(reminders.map((m) => [m.recipientOpenid, m.status])).toEqual([['voter-follows', 'sent']]);
  });

  test('a missed 18:00 is caught up by the first run after it, the same evening', async () => {
    now = shanghai('2026-03-05 21:37');
    expect((await tick()).sessions).toEqual({ slot: '2026-03-05', queued: 0 });
  });

  test('the weekly digest’s slot opens on Monday at 08:30', async () => {
    now = shanghai('2026-03-09 08:29');
    expect((await tick()).digest).toBeUndefined();
    now = shanghai('2026-03-09 08:30');
    expect((await tick()).digest).toEqual({ slot: '2026-03-09', queued: 0 });
  });

  test('from 03:00 the retention job erases the contact of an opinion that ended 180 days before, once', async () => {
    const ended = shanghai('2025-09-01 12:00');
    await api.store.createOpinion(
      opinion(1, { status: 'closed', contact: { name: '张桂英', phone: '13805741234' }, updatedAt: ended }),
      [],
      [],
    );
    now = shanghai('2026-03-10 02:59');
    expect((await tick()).retention).toBeUndefined();
    now = shanghai('2026-03-10 03:00');
    expect((await tick()).retention).toEqual({ slot: '2026-03-10', erased: 1 });
    expect((await api.store.getOpinion(opinion(1).id))?.contact).toBeUndefined();
    now += 60_000;
    expect((await tick()).retention).toBeUndefined();
  });
});
