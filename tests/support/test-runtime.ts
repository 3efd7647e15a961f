import { join } from 'node:path';
import { officeDocuments } from '../../server/adapters/documents/office-documents';
import { createLocalFileStorage } from '../../server/adapters/local/local-file-storage';
import { createLogNotifier } from '../../server/adapters/local/log-notifier';
import { createWordListCheck } from '../../server/adapters/local/word-list-check';
import { nodeIds } from '../../server/adapters/node-ids';
import type { Store } from '../../server/ports/store';
import type { Runtime } from '../../server/runtime/runtime';
import type { Clock } from '../../src/domain/dates';

/** The local adapters around `store`, with `demo-admin` as the admin and a silent notifier. */
export function testRuntime(store: Store, clock: Clock, dir: string): Runtime {
  return {
    store,
    clock,
    config: { adminOpenids: ['demo-admin'], dailySubmitLimit: 10 },
    ids: nodeIds,
    contentCheck: createWordListCheck(),
    notifier: createLogNotifier(() => undefined),
    documents: officeDocuments,
    files: createLocalFileStorage(join(dir, 'files')),
  };
}
