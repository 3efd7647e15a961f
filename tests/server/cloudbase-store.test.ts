import tcb from '@cloudbase/node-sdk';
import { runAction } from '../../server/adapters/action-scope';
import { createMemoryDatabase, memoryCloudbaseApp } from '../support/memory-cloudbase';
import { COLLECTION_NAMES } from '../../server/adapters/cloudbase/collections';
import { inlineTimeline } from '../../server/adapters/cloudbase/opinion-timeline';
import { createCloudbaseStore } from '../../server/adapters/cloudbase/cloudbase-store';
import { QuotaExceededError } from '../../server/ports/opinion-store';
import { line, message, opinion, T0 } from './opinion-fixtures';
import { describeStoreContract } from './store-contract';

// The contract against the CloudBase adapter, always on the in-memory stand-in of CloudBase's
// database (tests/support/memory-cloudbase: the SDK's query surface, mingo underneath), and
// against a real CloudBase environment when its credentials are given:
//   TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY (a test environment: the run writes
// documents whose ids start with "ct-<timestamp>-"). Without them that run is skipped.
describeStoreContract(
  'CloudBase (in-memory stand-in)',
  async () => createCloudbaseStore(memoryCloudbaseApp(createMemoryDatabase({ collections: COLLECTION_NAMES }))),
  'cm-',
);

describe('the CloudBase store on the stand-in', () => {
  test('routing counts the open opinions of every deputy of a station, past the 20 an aggregation returns unless limited', async () => {
    const store = createCloudbaseStore(memoryCloudbaseApp(createMemoryDatabase({ collections: COLLECTION_NAMES })));
    for (let n = 0; n < 25; n += 1) {
      const deputyId = `big-d${String(n).padStart(2, '0')}`;
      await store.createOpinion(opinion(n, { authorOpenid: `voter-${n}`, assignedDeputyId: deputyId }), [], []);
    }
    const open = await store.countOpenByDeputy('qx-jiedao');
    expect(open.size).toBe(25);
    expect([...open.values()].every((n) => n === 1)).toBe(true);
  });

  test("a day's quota by one conditional write: calls racing each other never pass it, and the first of the day creates it", async () => {
    const db = createMemoryDatabase({ collections: COLLECTION_NAMES });
    const store = createCloudbaseStore(memoryCloudbaseApp(db));
    const results = await Promise.all(
      Array.from({ length: 12 }, () => store.useQuota('casework.reply:d:2026-03-01', 5)),
    );
    expect(results.filter(Boolean)).toHaveLength(5);
    expect(db.dump('quotas')).toEqual([{ _id: 'casework.reply:d:2026-03-01', used: 5 }]);
    db.resetCounts();
    expect(await store.useQuota('casework.reply:e:2026-03-01', 5)).toBe(true);
    expect(await store.useQuota('casework.reply:e:2026-03-01', 5)).toBe(true);
    // The first creates the document; the second, which this instance knows of, raises it.
    expect(db.counts).toMatchObject({ reads: 0, writes: 2 });
    // Another instance's first use of the day: its create is refused, then it raises.
    const other = createCloudbaseStore(memoryCloudbaseApp(db));
    db.resetCounts();
    expect(await other.useQuota('casework.reply:e:2026-03-01', 5)).toBe(true);
    expect(db.counts).toMatchObject({ reads: 0, writes: 2 });
    expect(await store.useQuota('casework.reply:f:2026-03-01', 0)).toBe(false);
  });

  test("a voter's second opinion of the day spends its quota without a read: the raise alone on the instance that counted the first, the refused create and then the raise on another", async () => {
    const db = createMemoryDatabase({ collections: COLLECTION_NAMES });
    const store = createCloudbaseStore(memoryCloudbaseApp(db));
    const quota = { key: 'second-voter:2026-03-01', max: 3 };
    const of = (n: number) => opinion(n, { authorOpenid: 'second-voter' });
    await store.createOpinion(of(11), [], [], quota);
    db.resetCounts();
    expect(await store.createOpinion(of(12), [], [], quota)).toMatchObject({ created: true });
    const warm = { ...db.counts };
    const other = createCloudbaseStore(memoryCloudbaseApp(db));
    db.resetCounts();
    expect(await other.createOpinion(of(13), [], [], quota)).toMatchObject({ created: true });
    expect(warm.reads).toBe(0);
    expect(db.counts.reads).toBe(0);
    expect(db.counts.writes).toBe(warm.writes + 1);
    expect(db.dump('quotas')).toEqual([{ _id: quota.key, used: 3 }]);
    // At the limit the raise changes nothing, nor does the create: then it asks, and refuses.
    await expect(store.createOpinion(of(14), [], [], quota)).rejects.toBeInstanceOf(QuotaExceededError);
    await expect(other.createOpinion(of(14), [], [], quota)).rejects.toBeInstanceOf(QuotaExceededError);
    expect(await store.getOpinion(of(14).id)).toBeNull();
  });

  test('a quota document this instance knew of but that is gone is created again: the count stays right', async () => {
    const db = createMemoryDatabase({ collections: COLLECTION_NAMES });
    const store = createCloudbaseStore(memoryCloudbaseApp(db));
    expect(await store.useQuota('opinions.rate:v:2026-03-01', 2)).toBe(true);
    await db.collection('quotas').where({ _id: 'opinions.rate:v:2026-03-01' }).remove();
    expect(await store.useQuota('opinions.rate:v:2026-03-01', 2)).toBe(true);
    expect(await store.useQuota('opinions.rate:v:2026-03-01', 2)).toBe(true);
    expect(await store.useQuota('opinions.rate:v:2026-03-01', 2)).toBe(false);
    expect(db.dump('quotas')).toEqual([{ _id: 'opinions.rate:v:2026-03-01', used: 2 }]);
  });

  test('a retried create finds the first in its own transaction: nothing written, the first returned, even past the quota', async () => {
    const db = createMemoryDatabase({ collections: COLLECTION_NAMES });
    const store = createCloudbaseStore(memoryCloudbaseApp(db));
    const first = opinion(1, { authorOpenid: 'idem-voter' });
    const quota = { key: 'idem-voter:2026-03-01', max: 1 };
    const effects = [
      [line(first, T0, 'submitted', '意见已提交')],
      [message(first, T0, 'assigned_to_deputy', 'd')],
    ] as const;

    db.resetCounts();
    expect(await store.createOpinion(first, ...effects, quota)).toEqual({ created: true, opinion: first });
    // A first create reads nothing: the day's quota is created, then the opinion added.
    expect(db.counts.reads).toBe(0);
    const timeline = () => db.dump('opinions').find((d) => d._id === first.id)?.timeline;
    const before = { timeline: timeline(), outbox: db.dump('outbox').length };

    const retry = { ...first, content: '重发时内容略有不同，但仍是同一次提交。' };
    expect(await store.createOpinion(retry, ...effects, quota)).toEqual({ created: false, opinion: first });
    expect({ timeline: timeline(), outbox: db.dump('outbox').length }).toEqual(before);
    // The retry's use of the quota was given back.
    expect(db.dump('quotas')).toEqual([expect.objectContaining({ used: 1 })]);

    const another = opinion(2, { authorOpenid: 'idem-voter' });
    await expect(store.createOpinion(another, [], [], quota)).rejects.toBeInstanceOf(QuotaExceededError);
    expect(await store.getOpinion(another.id)).toBeNull();

    const racing = opinion(3, { authorOpenid: 'idem-racer' });
    const results = await Promise.all(Array.from({ length: 4 }, () => store.createOpinion(racing, [], [])));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results.every((r) => r.opinion.id === racing.id)).toBe(true);
  });

  test("an opinion's timeline is in its own document: a change adds its lines there, and a line for another opinion goes into that one", async () => {
    const db = createMemoryDatabase({ collections: COLLECTION_NAMES });
    const store = createCloudbaseStore(memoryCloudbaseApp(db));
    const o = opinion(1, { authorOpenid: 'tl-voter' });
    const other = opinion(2, { authorOpenid: 'tl-voter' });
    const submitted = [line(o, T0, 'submitted', '意见已提交'), line(o, T0, 'assigned', '已交由代表办理')];
    await store.createOpinion(o, submitted, []);
    await store.createOpinion(other, [], []);
    const merged = [line(o, T0 + 2, 'rejected', '重复'), line(other, T0 + 2, 'merged', '已合并到这条意见')];
    expect(await store.updateOpinion({ ...o, status: 'rejected', version: 2 }, 1, merged, [])).toBe(true);

    expect(db.dump('opinion_events')).toEqual([]);
    expect(db.dump('opinions').find((d) => d._id === o.id)?.timeline).toHaveLength(3);
    expect(await store.listTimeline(o.id)).toEqual([...submitted, merged[0]]);
    expect(await store.listTimeline(other.id)).toEqual([merged[1]]);
    // The domain's opinion carries none of it.
    expect(await store.getOpinion(o.id)).not.toHaveProperty('timeline');
    expect((await store.listOpinions({ authorOpenid: 'tl-voter', limit: 5 })).items[0]).not.toHaveProperty('timeline');
  });

  test("within one action an opinion's timeline comes with it (no second read); the next action sees a line added meanwhile", async () => {
    const db = createMemoryDatabase({ collections: COLLECTION_NAMES });
    const store = createCloudbaseStore(memoryCloudbaseApp(db));
    // Another warm instance: the same database through a handle of its own.
    const elsewhere = createCloudbaseStore(memoryCloudbaseApp(new Proxy(db, {})));
    const o = opinion(1, { authorOpenid: 'tl-voter' });
    const submitted = line(o, T0, 'submitted', '意见已提交');
    await store.createOpinion(o, [submitted], []);
    const supported = line(o, T0 + 5, 'supported', '有1位选民附议了这条意见');
    const audit = { at: T0 + 5, actor: 'neighbour', action: 'opinions.support', targetType: 'opinion', targetId: o.id };

    await runAction(async () => {
      db.resetCounts();
      await store.getOpinion(o.id);
      // A neighbour's 附议 lands between the two reads of this action.
      expect(
        await elsewhere.addSupport({ opinionId: o.id, openid: 'neighbour', at: T0 + 5 }, 1, supported, audit),
      ).toBe('added');
      const readsBefore = db.counts.byCollection.opinions?.reads ?? 0;
      expect(await store.listTimeline(o.id)).toEqual([submitted]); // as read with the opinion
      expect(db.counts.byCollection.opinions?.reads ?? 0).toBe(readsBefore);
    });
    await runAction(async () => {
      expect(await store.listTimeline(o.id)).toEqual([submitted, supported]);
      // A change made in this action: the timeline it wrote, with the 附议's line kept.
      const replied = line(o, T0 + 9, 'replied', '代表已答复');
      expect(await store.updateOpinion({ ...o, status: 'replied', version: 2 }, 1, [replied], [])).toBe(true);
      db.resetCounts();
      expect(await store.listTimeline(o.id)).toEqual([submitted, supported, replied]);
      expect(db.counts.reads).toBe(0);
    });
    // Outside any action: read through.
    expect(await elsewhere.listTimeline(o.id)).toHaveLength(3);
    // A 附议 through this instance within the action: the kept timeline gives way to the stored one.
    const again = line(o, T0 + 12, 'supported', '又有一位选民附议了这条意见');
    await runAction(async () => {
      const read = await store.getOpinion(o.id);
      expect(
        await store.addSupport({ opinionId: o.id, openid: 'neighbour-2', at: T0 + 12 }, read!.version, again, audit),
      ).toBe('added');
      expect(await store.listTimeline(o.id)).toEqual([
        submitted,
        supported,
        expect.objectContaining({ kind: 'replied' }),
        again,
      ]);
    });
  });

  test('an opinion from before keeps its lines in opinion_events until migration 5 moves them in; read in order either way', async () => {
    const db = createMemoryDatabase({ collections: COLLECTION_NAMES });
    const store = createCloudbaseStore(memoryCloudbaseApp(db));
    const o = opinion(1, { authorOpenid: 'tl-voter' });
    db.load('opinions', [{ _id: o.id, ...o }]);
    const grouped = [line(o, T0, 'submitted', '意见已提交'), line(o, T0, 'assigned', '已交由代表办理')];
    db.load('opinion_events', [
      { _id: `${o.id}-${T0}-0`, opinionId: o.id, at: T0, seq: 0, lines: grouped },
      { _id: 'old-line', ...line(o, T0 + 1, 'note', '旧格式的一行'), seq: 0 },
    ]);
    const rejected = line(o, T0 + 2, 'rejected', '重复');
    expect(await store.updateOpinion({ ...o, status: 'rejected', version: 2 }, 1, [rejected], [])).toBe(true);
    const kinds = ['submitted', 'assigned', 'note', 'rejected'];
    expect((await store.listTimeline(o.id)).map((e) => e.kind)).toEqual(kinds);

    expect(await inlineTimeline(db, { _id: o.id })).toBe(1);
    expect(await inlineTimeline(db, { _id: o.id })).toBe(0);
    expect(db.dump('opinion_events')).toEqual([]);
    expect(db.dump('opinions')[0]).toMatchObject({ timelineWhole: true });
    expect((await store.listTimeline(o.id)).map((e) => e.kind)).toEqual(kinds);
    expect((await store.listTimeline(o.id))[0]).toEqual(grouped[0]);
  });

  test('an opinion stored before its 附议 count was kept is counted when read, and keeps being counted after a change', async () => {
    const db = createMemoryDatabase({ collections: COLLECTION_NAMES });
    const store = createCloudbaseStore(memoryCloudbaseApp(db));
    const old = opinion(1, { authorOpenid: 'old-author', status: 'assigned', assignedDeputyId: 'd-old' });
    db.load('opinions', [{ _id: old.id, ...old }]);
    db.load('opinion_supports', [
      { _id: 's1', opinionId: old.id, openid: 'v1', at: 1 },
      { _id: 's2', opinionId: old.id, openid: 'v2', at: 2 },
    ]);

    expect((await store.getOpinion(old.id))?.supportCount).toBe(2);
    expect(await store.updateOpinion({ ...old, status: 'replied', version: 2, supportCount: 7 }, 1, [], [])).toBe(true);
    expect((await store.listOpinions({ assignedDeputyId: 'd-old', limit: 5 })).items[0]?.supportCount).toBe(2);
    expect(db.dump('opinions')[0]?.supportCount).toBeUndefined();
  });

  test('two outstanding invites of one deputy redeemed at once link one account: the transaction sees the other', async () => {
    const db = createMemoryDatabase({ collections: COLLECTION_NAMES });
    const store = createCloudbaseStore(memoryCloudbaseApp(db));
    // Both written before a deputy had one live invite at a time, so neither revoked the other.
    const invite = (code: string) => ({
      _id: code,
      code,
      role: 'deputy',
      stationId: 's',
      deputyId: 'd-race',
      expiresAt: 2e12,
      issuedBy: 'admin',
    });
    db.load('invites', [invite('RACE2345'), invite('RACE6789')]);
    const account = (openid: string) => ({
      openid,
      role: 'deputy' as const,
      stationId: 's',
      deputyId: 'd-race',
      createdAt: 1,
    });
    const audit = { at: 1, actor: 'x', action: 'account.redeemInvite', targetType: 'invite', targetId: 'x' };
    const results = await Promise.all([
      store.redeemInvite('RACE2345', account('u-race-1'), audit),
      store.redeemInvite('RACE6789', account('u-race-2'), audit),
    ]);
    expect([...results].sort()).toEqual(['deputy_linked', 'redeemed']);
    expect(db.dump('accounts').filter((a) => a.deputyId === 'd-race')).toHaveLength(1);
  });

  test('a message stored before its subject was named subjectId is read with it: the 消息 list and the dispatcher see one shape', async () => {
    const db = createMemoryDatabase({ collections: COLLECTION_NAMES });
    const store = createCloudbaseStore(memoryCloudbaseApp(db));
    const stored = {
      kind: 'reply_to_voter',
      recipientOpenid: 'voter-old',
      payload: { excerpt: '环城西路路灯不亮' },
      createdAt: 1_700_000_000_000,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: 1_700_000_000_000,
    };
    db.load('outbox', [{ _id: 'old-1', id: 'old-1', opinionId: 'op-old', ...stored }]);
    const [listed] = (await store.listMessages('voter-old', undefined, 10)).items;
    expect(listed).toEqual({ id: 'old-1', subjectId: 'op-old', ...stored });
    expect((await store.listDueOutbox(2e12, 10)).map((m) => m.subjectId)).toEqual(['op-old']);
  });
});

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
