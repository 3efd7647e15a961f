import type { Clock } from '../../src/domain/dates';
import type { Notifier } from '../ports/notifier';
import type { Store } from '../ports/store';

export const MAX_ATTEMPTS = 6;

/** 1, 2, 4, 8, 16 minutes after each failed attempt. */
export function backoffMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, attempts - 1);
}

/**
 * Send the notifications that are due. Each message is claimed by bumping its attempt
 * count first (a compare-and-set), so two overlapping runs never send one twice; a failure
 * is recorded with its reason and retried with backoff, and one that cannot succeed (quota
 * exhausted, refused) or has failed MAX_ATTEMPTS times is given up, never retried forever.
 * Where messages are WeChat one-time subscription messages, each spends one of its
 * recipient's acceptances of its template: with none left WeChat is not called at all and
 * the message is recorded as not_subscribed (WeChat would answer 43101). A message WeChat did
 * not take but may take later gives its acceptance back. Nothing about a case depends on this
 * succeeding: every message is in its recipient's 消息 list whatever its status.
 */
export async function dispatchOutbox(store: Store, notifier: Notifier, clock: Clock, batch = 50) {
  const counts = { sent: 0, failed: 0, gaveUp: 0, notSubscribed: 0, skipped: 0 };
  for (const message of await store.listDueOutbox(clock.now(), batch)) {
    const attempts = message.attempts + 1;
    const claimedMessage = { ...message, attempts, nextAttemptAt: clock.now() + backoffMs(attempts) };
    const claimed = await store.updateOutbox(claimedMessage, message.attempts);
    if (!claimed) {
      counts.skipped += 1;
      continue;
    }
    const template = notifier.subscription?.templateFor(message.kind);
    if (template && !(await store.spendSubscription(message.recipientOpenid, template.id))) {
      await store.updateOutbox({ ...claimedMessage, status: 'not_subscribed' }, attempts);
      counts.notSubscribed += 1;
      continue;
    }
    const result = await notifier.send(message).catch((error: unknown) => ({
      ok: false as const,
      retry: true,
      error: (error as Error).message,
    }));
    if (result.ok) {
      await store.updateOutbox({ ...claimedMessage, status: 'sent' }, attempts);
      counts.sent += 1;
      continue;
    }
    // WeChat counts an acceptance only for a message it delivered.
    if (template && result.retry) await store.refundSubscription(message.recipientOpenid, template.id);
    if (!result.retry || attempts >= MAX_ATTEMPTS) {
      await store.updateOutbox({ ...claimedMessage, status: 'gave_up', lastError: result.error }, attempts);
      counts.gaveUp += 1;
    } else {
      await store.updateOutbox({ ...claimedMessage, lastError: result.error }, attempts);
      counts.failed += 1;
    }
  }
  return counts;
}
