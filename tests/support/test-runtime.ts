import { nodeIds } from '../../server/adapters/node-ids';
import type { Store } from '../../server/ports/store';
import { getRuntime, localAdapters, setRuntime, type Runtime } from '../../server/runtime/runtime';
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

/**
 * The current runtime with two WeChat templates configured (opinion_reply → TPL-REPLY,
 * opinion_outcome → TPL-OUTCOME), as a deployed environment would have them; returns the
 * runtime it replaced, to put back.
 */
export async function withVoterTemplates(): Promise<Runtime> {
  const runtime = await getRuntime();
  setRuntime({
    ...runtime,
    config: {
      ...runtime.config,
      subscribeTemplates: { opinion_reply: { id: 'TPL-REPLY' }, opinion_outcome: { id: 'TPL-OUTCOME' } },
    },
  });
  return runtime;
}
