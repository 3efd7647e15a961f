import { createTimerFunction } from '../../server/runtime/cloud-function';
import { dispatchOutbox } from '../../server/services/outbox-dispatch';

/** scheduler: every minute, send the notifications that are due. Refuses client calls. */
export const main = createTimerFunction('scheduler', async (runtime) => ({
  outbox: await dispatchOutbox(runtime.store, runtime.notifier, runtime.clock),
}));
