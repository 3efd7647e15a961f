import { createTimerFunction } from '../../server/runtime/cloud-function';
import { subscriptionEdge } from '../../server/runtime/wechat-edges';
import { runScheduledJobs } from '../../server/services/scheduled-jobs';

/**
 * scheduler, timer-only: one trigger (config.json, "tick") every minute. Each run does the jobs
 * whose slot is due and not yet claimed — deadlines hourly (催办, escalation), tomorrow's session
 * reminders from 18:00, the overdue digest from Monday 08:30 — then sends the due notifications.
 */
export const main = createTimerFunction('scheduler', async (runtime) => runScheduledJobs(runtime), {
  wechat: subscriptionEdge,
});
