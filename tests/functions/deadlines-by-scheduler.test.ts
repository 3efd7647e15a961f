import { main } from '../../cloudfunctions/scheduler/index';
import { startLocalApi } from '../support/local-api';

describe('deadlines: 催办 the working day before, escalation once overdue, each exactly once', () => {
  const DAY = 24 * 60 * 60 * 1000;
  let now = Date.UTC(2026, 2, 2, 1, 0); // Monday 2026-03-02, 09:00 in Shanghai
  let local: Awaited<ReturnType<typeof startLocalApi>>;
  // The one every-minute trigger; each run does the jobs whose slot (hour, evening, week) is not yet claimed.
  const timer = () =>
    main({ Type: 'Timer', TriggerName: 'tick' }, { environment: JSON.stringify({ TRIGGER_SRC: 'timer' }) }) as Promise<{
      ok: boolean;
      data: { deadlines?: { reminded: number; escalated: number } };
    }>;

  beforeAll(async () => {
    local = await startLocalApi({ now: () => now });
    await local.post(
      'opinions',
      {
        action: 'submit',
        stationId: 'qx-jiedao',
        category: 'housing',
        content: '油车巷危房解危工程停工两个月，住户不知道何时复工。',
        requestId: 'deadline-0001',
      },
      'demo-voter',
    );
  });
  afterAll(() => local.stop());

  const opinion = async () => (await local.post('opinions', { action: 'mine' }, 'demo-voter')).body.data.items[0];
  const internalLines = async (id: string) =>
    (await local.post('opinions', { action: 'get', opinionId: id }, 'demo-staff')).body.data.timeline.map(
      (l: { text: string }) => l.text,
    );

  test('the reply is due ten working days on: Monday 16 March', async () => {
    expect((await opinion()).replyDueDate).toBe('2026-03-16');
  });

  test('nothing happens before the working day before the due date', async () => {
    now += 4 * DAY; // Friday 6 March
    const result = await timer();
    expect(result).toMatchObject({ ok: true, data: { deadlines: { reminded: 0, escalated: 0 } } });
  });

  test('on Friday 13 March (the working day before) the deputy is reminded, once across two overlapping runs', async () => {
    now = Date.UTC(2026, 2, 13, 1, 0);
    const [a, b] = await Promise.all([timer(), timer()]);
    // One run claims the hour's slot and reminds; the other finds it claimed and leaves deadlines alone.
    expect([a, b].filter((r) => r.data.deadlines)).toHaveLength(1);
    expect([a, b].map((r) => r.data.deadlines?.reminded ?? 0).reduce((x, y) => x + y, 0)).toBe(1);
    const { id } = await opinion();
    expect((await internalLines(id)).filter((t: string) => t.startsWith('催办'))).toHaveLength(1);
  });

  test('on Tuesday 17 March it is overdue: escalated to staff once, and the voter sees it', async () => {
    now = Date.UTC(2026, 2, 17, 1, 0);
    await Promise.all([timer(), timer()]);
    now += 60 * 60 * 1000; // the next hour's slot runs the rules again: still one escalation
    await timer();
    const { id, overdue } = await opinion();
    expect(overdue).toBe(true);
    const voterLines = (await local.post('opinions', { action: 'get', opinionId: id }, 'demo-voter')).body.data
      .timeline;
    expect(voterLines.filter((l: { text: string }) => l.text.includes('已提请联络站督办'))).toHaveLength(1);
    const messages = await local.store.listOutbox(50);
    expect(messages.filter((m) => m.kind === 'overdue_to_staff' && m.recipientOpenid === 'demo-staff')).toHaveLength(1);
    expect(messages.filter((m) => m.kind === 'reminder_to_deputy' && m.recipientOpenid === 'demo-deputy')).toHaveLength(
      1,
    );
  });

  test('the weekly digest: on Monday staff get the station’s overdue count, once per week', async () => {
    // 2026-03-23 is a Monday; the opinion above has been overdue since 17 March. The digest's slot opens at 08:30.
    now = Date.UTC(2026, 2, 23, 0, 30);
    await Promise.all([timer(), timer()]);
    now += 3 * DAY;
    await timer();
    const digests = (await local.store.listOutbox(100)).filter(
      (m) => m.kind === 'overdue_digest' && m.payload.week === '2026-03-23',
    );
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ recipientOpenid: 'demo-staff', payload: { overdue: '1', week: '2026-03-23' } });
  });
});
