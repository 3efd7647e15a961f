import { createCloudbaseStore } from '../../server/adapters/cloudbase/cloudbase-store';
import { COLLECTION_NAMES } from '../../server/adapters/cloudbase/collections';
import { runDocumentMigrations } from '../../server/adapters/cloudbase/document-migrations';
import { MAX_SUBSCRIPTION_CREDITS } from '../../src/domain/subscribe-templates';
import { createMemoryDatabase, memoryCloudbaseApp } from '../support/memory-cloudbase';

// On CloudBase a person's subscription acceptances are one `acceptances` document holding a
// credit per template, so that accepting is one transaction and spending one conditional write.
// A release before kept each template's credit as its own `subscriptions` document
// (`<openid>_<templateId>`). Document migration 7 folds each into its person's document once and
// deletes it; until then the outbox does not find those credits.

const legacy = (openid: string, templateId: string, credits: number) => ({
  _id: `${openid}_${templateId}`,
  openid,
  templateId,
  credits,
});
const audit = (openid: string) => ({
  at: 1,
  actor: openid,
  action: 'account.acceptSubscriptions',
  targetType: 'account',
  targetId: openid,
});

function olderRelease() {
  const db = createMemoryDatabase({ collections: COLLECTION_NAMES });
  const store = createCloudbaseStore(memoryCloudbaseApp(db));
  db.load('subscriptions', [
    legacy('voter-a', 'TPL-REPLY', 2),
    legacy('voter-a', 'TPL-OUTCOME', 1),
    legacy('voter-b', 'TPL-REPLY', 0),
    legacy('deputy-c', 'TPL-TODO', 3),
  ]);
  return { db, store };
}

test('each credit of the release before is folded into its person’s acceptances once, and the old document goes', async () => {
  const { db, store } = olderRelease();
  expect(await store.listSubscriptions('voter-a')).toEqual({});
  expect(await store.spendSubscription('voter-a', 'TPL-REPLY')).toBe(false);

  expect(await runDocumentMigrations(db)).toMatchObject({ done: true, changed: 4 });
  expect(db.dump('subscriptions')).toEqual([]);
  expect(await store.listSubscriptions('voter-a')).toEqual({ 'TPL-REPLY': 2, 'TPL-OUTCOME': 1 });
  expect(await store.listSubscriptions('voter-b')).toEqual({ 'TPL-REPLY': 0 });
  expect(await store.listSubscriptions('deputy-c')).toEqual({ 'TPL-TODO': 3 });

  // Run again: nothing is pending, nothing is added twice.
  expect(await runDocumentMigrations(db)).toMatchObject({ done: true, changed: 0 });
  expect(await store.listSubscriptions('voter-a')).toEqual({ 'TPL-REPLY': 2, 'TPL-OUTCOME': 1 });

  // The outbox spends them where they now are.
  expect(await store.spendSubscription('voter-a', 'TPL-OUTCOME')).toBe(true);
  expect(await store.spendSubscription('voter-a', 'TPL-OUTCOME')).toBe(false);
});

test('an acceptance made after the release, before the migration, is added to, and the sum is capped', async () => {
  const { db, store } = olderRelease();
  db.load('subscriptions', [legacy('voter-d', 'TPL-REPLY', MAX_SUBSCRIPTION_CREDITS - 1)]);
  expect(
    await store.grantSubscriptions('voter-d', ['TPL-REPLY', 'TPL-OUTCOME'], MAX_SUBSCRIPTION_CREDITS, audit('voter-d')),
  ).toEqual({
    'TPL-REPLY': 1,
    'TPL-OUTCOME': 1,
  });
  await store.grantSubscriptions('voter-d', ['TPL-REPLY'], MAX_SUBSCRIPTION_CREDITS, audit('voter-d'));

  await runDocumentMigrations(db);
  expect(await store.listSubscriptions('voter-d')).toEqual({
    'TPL-REPLY': MAX_SUBSCRIPTION_CREDITS,
    'TPL-OUTCOME': 1,
  });
});

test('dispatchers racing the migration spend each credit once', async () => {
  const { db, store } = olderRelease();
  await store.grantSubscriptions('voter-a', ['TPL-REPLY'], MAX_SUBSCRIPTION_CREDITS, audit('voter-a'));
  const [, ...spent] = await Promise.all([
    runDocumentMigrations(db),
    ...Array.from({ length: 6 }, () => store.spendSubscription('voter-a', 'TPL-REPLY')),
  ]);
  const after = (await store.listSubscriptions('voter-a'))['TPL-REPLY'];
  // Three credits in all (one accepted now, two folded in): each spend took one that was there.
  expect(spent.filter(Boolean).length + after!).toBe(3);
});
