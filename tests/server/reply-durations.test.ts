import { createMemoryDatabase, memoryCloudbaseApp } from '../support/memory-cloudbase';
import { createCloudbaseStore } from '../../server/adapters/cloudbase/cloudbase-store';
import { COLLECTION_NAMES } from '../../server/adapters/cloudbase/collections';
import type { Store } from '../../server/ports/store';
import { opinion, scratchStore, T0 } from './opinion-fixtures';

// 代表述职评议's median reply times read, for a round's deputies and a period, in one read, the time
// from assignment to reply of each replied opinion with its deputy: both stores must give the same list.
const HOUR = 3_600_000;

async function fill(store: Store) {
  const replied = (n: number, hours: number, overrides = {}) =>
    opinion(n, {
      assignedAt: T0 + n * 1000,
      status: 'replied',
      reply: { content: '已答复', deputyId: 'd01', at: T0 + n * 1000 + hours * HOUR },
      ...overrides,
    });
  for (const o of [
    replied(1, 24),
    replied(2, 72),
    replied(3, 5, { assignedDeputyId: 'd02' }), // another deputy
    replied(4, 10, { status: 'withdrawn' }), // not collected
    replied(5, 30, { createdAt: T0 + 40 * 86_400_000 }), // after the period
    opinion(6, { assignedAt: T0 + 6000 }), // not replied yet
  ]) {
    await store.createOpinion(o, [], []);
  }
}

const stores: Array<[string, () => Promise<{ store: Store; dispose: () => Promise<void> }>]> = [
  ['SQLite', scratchStore],
  [
    'CloudBase (stand-in)',
    async () => {
      const store = createCloudbaseStore(memoryCloudbaseApp(createMemoryDatabase({ collections: COLLECTION_NAMES })));
      return { store, dispose: async () => undefined };
    },
  ],
];

describe.each(stores)('reply durations on the %s store', (_name, make) => {
  test('only the deputies’ replied opinions of the period count, withdrawn ones excluded, each with its deputy', async () => {
    const { store, dispose } = await make();
    await fill(store);
    const durations = await store.replyDurations(['d01', 'd02'], T0, T0 + 30 * 86_400_000);
    expect([...durations].sort((a, b) => a.ms - b.ms)).toEqual([
      { deputyId: 'd02', ms: 5 * HOUR },
      { deputyId: 'd01', ms: 24 * HOUR },
      { deputyId: 'd01', ms: 72 * HOUR },
    ]);
    expect((await store.replyDurations(['d02'], T0, T0 + 30 * 86_400_000)).map((d) => d.deputyId)).toEqual(['d02']);
    expect(await store.replyDurations([], T0, T0 + 30 * 86_400_000)).toEqual([]);
    await dispose();
  });
});
