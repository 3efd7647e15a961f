import { main } from '../../cloudfunctions/scheduler/index';
import { startLocalApi } from '../support/local-api';

let api: Awaited<ReturnType<typeof startLocalApi>>;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

describe('the timer-only scheduler', () => {
  test.each(['demo-voter', 'demo-staff', 'demo-admin', undefined])(
    'refuses a client call (caller %s)',
    async (openid) => {
      const { status, body } = await api.post('scheduler', { action: 'run' }, openid);
      expect(status).toBe(403);
      expect(body.error).toEqual({ code: 'FORBIDDEN', message: '该功能仅由系统定时执行' });
    },
  );

  test('runs when CloudBase’s timer calls it, and sends the due notifications', async () => {
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
    const timerContext = { environment: JSON.stringify({ TRIGGER_SRC: 'timer' }) };
    const result = await main({ Type: 'Timer', TriggerName: 'outbox' }, timerContext);
    expect(result).toEqual({
      ok: true,
      data: { outbox: { sent: 1, failed: 0, gaveUp: 0, notSubscribed: 0, skipped: 0 } },
    });
    const again = await main({ Type: 'Timer', TriggerName: 'outbox' }, timerContext);
    expect(again).toEqual({
      ok: true,
      data: { outbox: { sent: 0, failed: 0, gaveUp: 0, notSubscribed: 0, skipped: 0 } },
    });
  });
});
