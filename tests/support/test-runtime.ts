import { nodeIds } from '../../server/adapters/node-ids';
import type { Store } from '../../server/ports/store';
import { localAdapters, type Runtime } from '../../server/runtime/runtime';
import type { Clock } from '../../src/domain/dates';

/** The local adapters around `store`, with `demo-admin` as the admin and a silent notifier. */
export function testRuntime(store: Store, clock: Clock, dir: string): Runtime {
  return {
    store,
    clock,
    config: { adminOpenids: ['demo-admin'], dailySubmitLimit: 10, subscribeTemplates: {} },
    ids: nodeIds,
    ...localAdapters(dir, () => undefined),
  };
}
