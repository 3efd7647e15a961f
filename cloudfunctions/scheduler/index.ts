import { createTimerFunction } from '../../server/runtime/cloud-function';
import { subscriptionEdge } from '../../server/runtime/wechat-edges';
import { watchDeadlines } from '../../server/services/deadline-watch';
import { dispatchOutbox } from '../../server/services/outbox-dispatch';
import { sendOverdueDigest } from '../../server/services/overdue-digest';
import { remindSessions } from '../../server/services/sessions';

/**
 * scheduler, timer-only (config.json): "outbox" every minute sends the notifications that are
 * due; "deadlines" hourly applies the deadline rules (催办, escalation); "sessions" at 18:00
 * reminds followers of tomorrow's reception sessions; "digest" on Monday 08:30 sends staff the
 * week's overdue count. Each pass then sends what is due.
 */
export const main = createTimerFunction(
  'scheduler',
  async (runtime, trigger) => ({
    ...(trigger === 'deadlines' ? { deadlines: await watchDeadlines(runtime.store, runtime.clock) } : {}),
    ...(trigger === 'sessions' ? { sessions: await remindSessions(runtime.store, runtime.clock) } : {}),
    ...(trigger === 'digest' ? { digest: await sendOverdueDigest(runtime.store, runtime.clock) } : {}),
    outbox: await dispatchOutbox(runtime.store, runtime.notifier, runtime.clock),
  }),
  subscriptionEdge,
);
