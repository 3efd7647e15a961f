import type { SqliteDatabase } from '../../server/adapters/sqlite/database';
import type { Notifier, SendResult } from '../../server/ports/notifier';
import type { OutboxMessage } from '../../server/ports/opinion-store';
import type { Store } from '../../server/ports/store';
import { backoffMs, dispatchOutbox, MAX_ATTEMPTS } from '../../server/services/outbox-dispatch';
import { message, opinion, scratchStore, T0 } from './opinion-fixtures';

/**
 * A notifier that records what it was asked to send and answers what `answer` says, after
 * `delayMs` (so that two dispatch runs really overlap).
 */
class RecordingNotifier implements Notifier {
  readonly sent: OutboxMessage[] = [];

  constructor(
    private answer: (message: OutboxMessage) => SendResult = () => ({ ok: true }),
    private readonly delayMs = 0,
  ) {}

  answerWith(answer: (message: OutboxMessage) => SendResult) {
    this.answer = answer;
  }

  async send(outgoing: OutboxMessage): Promise<SendResult> {
    this.sent.push(outgoing);
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return this.answer(outgoing);
  }

  timesSent(opinionId: string, kind: string) {
    return this.sent.filter((m) => m.subjectId === opinionId && m.kind === kind).length;
  }
}

let store: Store & { db: SqliteDatabase };
let dispose: () => Promise<void>;
let t = T0;
const clock = { now: () => t };
let serial = 0;

beforeEach(async () => {
  ({ store, dispose } = await scratchStore());
  t = T0;
});
afterEach(() => dispose());

/** An opinion written with `kinds` waiting in the outbox, due now. */
async function withMessages(...kinds: string[]) {
  serial += 1;
  const o = opinion(serial, { authorOpenid: `voter-outbox-${serial}` });
  await store.createOpinion(
    o,
    [],
    kinds.map((kind) => message(o, t, kind, kind.endsWith('deputy') ? 'demo-deputy' : o.authorOpenid)),
  );
  return o.id;
}

const outboxOf = async (opinionId: string) =>
  (await store.listOutbox(1000)).filter((m) => m.subjectId === opinionId).sort((a, b) => Number(a.id) - Number(b.id));

describe('dispatching the outbox', () => {
  test('each due message is sent once and marked sent; a second run sends nothing', async () => {
    const id = await withMessages('assigned_to_deputy', 'reply_to_voter', 'resolved_to_voter');
    const notifier = new RecordingNotifier();
    expect(await dispatchOutbox(store, notifier, clock)).toEqual({
      sent: 3,
      failed: 0,
      gaveUp: 0,
      notSubscribed: 0,
      skipped: 0,
    });
    expect(notifier.sent.map((m) => m.kind).sort()).toEqual([
      'assigned_to_deputy',
      'reply_to_voter',
      'resolved_to_voter',
    ]);
    expect((await outboxOf(id)).map((m) => [m.status, m.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
      ['sent', 1],
    ]);
    t += 60 * 60 * 1000;
    expect(await dispatchOutbox(store, notifier, clock)).toEqual({
      sent: 0,
      failed: 0,
      gaveUp: 0,
      notSubscribed: 0,
      skipped: 0,
    });
    expect(notifier.sent).toHaveLength(3);
  });

  test('the recipient and payload reach the notifier as written', async () => {
    const id = await withMessages('reply_to_voter');
    const notifier = new RecordingNotifier();
    await dispatchOutbox(store, notifier, clock);
    expect(notifier.sent).toEqual([
      expect.objectContaining({
        subjectId: id,
        kind: 'reply_to_voter',
        recipientOpenid: expect.stringMatching(/^voter-outbox-/),
        payload: { excerpt: '环城西路路灯不亮' },
      }),
    ]);
  });

  test('a message not yet due waits', async () => {
    const o = opinion(900, { authorOpenid: 'voter-later' });
    await store.createOpinion(o, [], [{ ...message(o, t, 'reply_to_voter', 'voter-later'), nextAttemptAt: t + 1000 }]);
    const notifier = new RecordingNotifier();
    expect((await dispatchOutbox(store, notifier, clock)).sent).toBe(0);
    t += 1000;
    expect((await dispatchOutbox(store, notifier, clock)).sent).toBe(1);
  });

  test('two overlapping runs never send one message twice', async () => {
    const ids = [
      await withMessages('assigned_to_deputy', 'reply_to_voter'),
      await withMessages('assigned_to_deputy', 'resolved_to_voter'),
      await withMessages('rejected_to_voter'),
    ];
    const notifier = new RecordingNotifier(() => ({ ok: true }), 5);
    const [a, b] = await Promise.all([dispatchOutbox(store, notifier, clock), dispatchOutbox(store, notifier, clock)]);
    expect(a.sent + b.sent).toBe(5);
    expect(a.skipped + b.skipped).toBeGreaterThan(0);
    const sentIds = notifier.sent.map((m) => m.id);
    expect(new Set(sentIds).size).toBe(sentIds.length);
    expect(sentIds).toHaveLength(5);
    for (const id of ids) expect((await outboxOf(id)).every((m) => m.status === 'sent' && m.attempts === 1)).toBe(true);
  });

  test('a failure is recorded and retried after the backoff, then sent', async () => {
    const id = await withMessages('reply_to_voter');
    const notifier = new RecordingNotifier(() => ({ ok: false, retry: true, error: '-1 system error' }));
    expect(await dispatchOutbox(store, notifier, clock)).toEqual({
      sent: 0,
      failed: 1,
      gaveUp: 0,
      notSubscribed: 0,
      skipped: 0,
    });
    expect(await outboxOf(id)).toEqual([
      expect.objectContaining({
        status: 'pending',
        attempts: 1,
        lastError: '-1 system error',
        nextAttemptAt: T0 + backoffMs(1),
      }),
    ]);
    expect(backoffMs(1)).toBe(60_000);

    notifier.answerWith(() => ({ ok: true }));
    t = T0 + backoffMs(1) - 1;
    expect((await dispatchOutbox(store, notifier, clock)).sent).toBe(0);
    expect(notifier.sent).toHaveLength(1);

    t = T0 + backoffMs(1);
    expect((await dispatchOutbox(store, notifier, clock)).sent).toBe(1);
    expect((await outboxOf(id))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(notifier.timesSent(id, 'reply_to_voter')).toBe(2);
  });

  test('a notifier that throws counts as a failure to retry, with the reason kept', async () => {
    const id = await withMessages('reply_to_voter');
    const notifier: Notifier = {
      send: async () => {
        throw new Error('connect ETIMEDOUT api.weixin.qq.com');
      },
    };
    expect((await dispatchOutbox(store, notifier, clock)).failed).toBe(1);
    expect((await outboxOf(id))[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'connect ETIMEDOUT api.weixin.qq.com',
    });
  });

  test('a failure that cannot succeed (43101: the user has no subscription quota left) is given up at once', async () => {
    const id = await withMessages('resolved_to_voter');
    const notifier = new RecordingNotifier(() => ({
      ok: false,
      retry: false,
      error: '43101 user refuse to accept the msg',
    }));
    expect(await dispatchOutbox(store, notifier, clock)).toEqual({
      sent: 0,
      failed: 0,
      gaveUp: 1,
      notSubscribed: 0,
      skipped: 0,
    });
    expect((await outboxOf(id))[0]).toMatchObject({
      status: 'gave_up',
      attempts: 1,
      lastError: '43101 user refuse to accept the msg',
    });
    for (const later of [backoffMs(1), backoffMs(5), 24 * 60 * 60 * 1000]) {
      t = T0 + later;
      await dispatchOutbox(store, notifier, clock);
    }
    expect(notifier.sent).toHaveLength(1);
  });

  test(`a message failing every time is given up after ${MAX_ATTEMPTS} attempts, with backoff 1, 2, 4, 8, 16 minutes`, async () => {
    const id = await withMessages('reply_to_voter');
    const notifier = new RecordingNotifier(() => ({
      ok: false,
      retry: true,
      error: '45009 reach max api daily quota limit',
    }));
    const attemptedAt: number[] = [];
    for (let round = 0; round < 100 && (await outboxOf(id))[0]!.status === 'pending'; round += 1) {
      const before = notifier.sent.length;
      await dispatchOutbox(store, notifier, clock);
      if (notifier.sent.length > before) attemptedAt.push(t - T0);
      t += 30_000;
    }
    expect(attemptedAt).toEqual([0, 60_000, 180_000, 420_000, 900_000, 1_860_000]);
    expect((await outboxOf(id))[0]).toMatchObject({
      status: 'gave_up',
      attempts: MAX_ATTEMPTS,
      lastError: '45009 reach max api daily quota limit',
    });
  });
});

describe('WeChat one-time subscriptions: one acceptance, one message', () => {
  const grantAudit = (openid: string) => ({
    at: t,
    actor: openid,
    action: 'account.acceptSubscriptions',
    targetType: 'account',
    targetId: openid,
  });
  /** A WeChat channel: reply_to_voter and resolved_to_voter go out on their configured templates. */
  const wechatLike = (answer?: (message: OutboxMessage) => SendResult) => {
    const notifier = new RecordingNotifier(answer);
    const templates: Record<string, { id: string }> = {
      reply_to_voter: { id: 'TPL-REPLY' },
      resolved_to_voter: { id: 'TPL-OUTCOME' },
    };
    return Object.assign(notifier, { subscription: { templateFor: (kind: string) => templates[kind] } });
  };

  test('with no acceptance left WeChat is not called and the message is recorded as not subscribed', async () => {
    const id = await withMessages('reply_to_voter');
    const notifier = wechatLike();
    expect(await dispatchOutbox(store, notifier, clock)).toMatchObject({ sent: 0, notSubscribed: 1 });
    expect(notifier.sent).toHaveLength(0);
    expect((await outboxOf(id)).map((m) => m.status)).toEqual(['not_subscribed']);
  });

  test('each acceptance pays for exactly one message of its template', async () => {
    const voter = `voter-outbox-${serial + 1}`;
    await withMessages('reply_to_voter', 'reply_to_voter', 'resolved_to_voter');
    await store.grantSubscriptions(voter, ['TPL-REPLY', 'TPL-OUTCOME'], 20, grantAudit(voter));
    const notifier = wechatLike();
    expect(await dispatchOutbox(store, notifier, clock)).toMatchObject({ sent: 2, notSubscribed: 1 });
    expect(notifier.sent.map((m) => m.kind).sort()).toEqual(['reply_to_voter', 'resolved_to_voter']);
    expect(await store.listSubscriptions(voter)).toEqual({ 'TPL-REPLY': 0, 'TPL-OUTCOME': 0 });
  });

  test('a message WeChat may take later gives its acceptance back; a final refusal spends it', async () => {
    const voter = `voter-outbox-${serial + 1}`;
    const id = await withMessages('reply_to_voter');
    await store.grantSubscriptions(voter, ['TPL-REPLY'], 20, grantAudit(voter));
    const notifier = wechatLike(() => ({ ok: false, retry: true, error: '-1 system busy' }));
    await dispatchOutbox(store, notifier, clock);
    expect(await store.listSubscriptions(voter)).toEqual({ 'TPL-REPLY': 1 });
    notifier.answerWith(() => ({ ok: false, retry: false, error: '43101 user refuse to accept the msg' }));
    t += backoffMs(1);
    await dispatchOutbox(store, notifier, clock);
    expect(await store.listSubscriptions(voter)).toEqual({ 'TPL-REPLY': 0 });
    expect((await outboxOf(id)).map((m) => [m.status, m.lastError])).toEqual([
      ['gave_up', '43101 user refuse to accept the msg'],
    ]);
  });

  test('acceptances are capped, so a tapping loop cannot pile them up', async () => {
    for (let i = 0; i < 30; i += 1)
      await store.grantSubscriptions('o-tapper', ['TPL-REPLY'], 20, grantAudit('o-tapper'));
    expect(await store.listSubscriptions('o-tapper')).toEqual({ 'TPL-REPLY': 20 });
  });
});
