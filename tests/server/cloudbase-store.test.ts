import tcb from '@cloudbase/node-sdk';
import { createMemoryDatabase, memoryCloudbaseApp } from '../../bench/support/memory-cloudbase';
import { COLLECTION_NAMES } from '../../server/adapters/cloudbase/collections';
import { createCloudbaseStore } from '../../server/adapters/cloudbase/cloudbase-store';
import { describeStoreContract } from './store-contract';

// The contract against the CloudBase adapter, always on the in-memory stand-in of CloudBase's
// database (bench/support/memory-cloudbase.ts: the SDK's query surface, mingo underneath), and
// against a real CloudBase environment when its credentials are given:
//   TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY (a test environment: the run writes
// documents whose ids start with "ct-<timestamp>-"). Without them that run is skipped.
describeStoreContract(
  'CloudBase (in-memory stand-in)',
  async () => createCloudbaseStore(memoryCloudbaseApp(createMemoryDatabase({ collections: COLLECTION_NAMES }))),
  'cm-',
);

const { TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;
const configured = Boolean(TCB_ENV_ID && TCB_SECRET_ID && TCB_SECRET_KEY);

if (configured) {
  describeStoreContract(
    'CloudBase',
    async () => createCloudbaseStore(tcb.init({ env: TCB_ENV_ID, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY })),
    `ct-${Date.now()}-`,
  );
} else {
  describe('the CloudBase store', () => {
    test.skip('needs TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY to run the store contract against CloudBase', () =>
      undefined);
  });
}
