import { createMemoryDatabase, MemoryCloudbaseError, sdkDatabaseOver } from '../support/memory-cloudbase';

// The in-memory stand-in of CloudBase's database that the bench counts with and the CloudBase
// store contract runs on: its queries, limits, transactions and the billing rule it counts by.

const ids = (res: { data: Array<Record<string, unknown>> }) => res.data.map((d) => d._id);

describe('the CloudBase stand-in', () => {
  test('commands match as CloudBase encodes them (field chains, logic, nested objects as paths)', async () => {
    const db = createMemoryDatabase();
    const _ = db.command;
    db.load('items', [
      { _id: 'a', n: 1, tag: 'x', flag: true, place: { city: '宁波' } },
      { _id: 'b', n: 5, tag: 'y', place: { city: '杭州' } },
      { _id: 'c', n: 9, tag: 'x', flag: false },
    ]);
    const find = (query: unknown) => db.collection('items').where(query).orderBy('_id', 'asc').get();
    expect(ids(await find({ n: _.gte(2).and(_.lt(9)) }))).toEqual(['b']);
    expect(ids(await find(_.or([{ n: 1 }, { tag: 'y' }])))).toEqual(['a', 'b']);
    expect(ids(await find(_.and([{ tag: 'x' }, _.or([{ n: _.gt(5) }, { flag: true }])])))).toEqual(['a', 'c']);
    expect(ids(await find({ flag: _.neq(true) }))).toEqual(['b', 'c']);
    expect(ids(await find({ place: { city: '杭州' } }))).toEqual(['b']);
    expect(ids(await find({ flag: _.exists(false) }))).toEqual(['b']);
    expect(ids(await find({ tag: _.in(['y']), _id: _.nin(['a']) }))).toEqual(['b']);
    expect((await db.collection('items').where({ tag: 'x' }).count()).total).toBe(2);
  });

  test('a query returns 100 documents unless limited, and at most 1,000; an aggregation 20 groups without a limit', async () => {
    const db = createMemoryDatabase();
    db.load(
      'many',
      Array.from({ length: 1200 }, (_v, i) => ({ _id: String(i).padStart(5, '0'), group: i % 50 })),
    );
    expect((await db.collection('many').get()).data).toHaveLength(100);
    expect((await db.collection('many').limit(5000).get()).data).toHaveLength(1000);
    expect((await db.collection('many').orderBy('_id', 'desc').skip(1199).limit(10).get()).data).toEqual([
      { _id: '00000', group: 0 },
    ]);
    const $ = db.command.aggregate;
    const grouped = () =>
      db
        .collection('many')
        .aggregate()
        .group({ _id: '$group', n: $.sum(1) });
    expect((await grouped().end()).data).toHaveLength(20);
    expect((await grouped().limit(1000).end()).data).toHaveLength(50);
  });

  test('counts one read per get, count or aggregation and one write per add, set, update or remove', async () => {
    const db = createMemoryDatabase();
    db.load(
      'items',
      Array.from({ length: 30 }, (_v, i) => ({ _id: `i${i}`, n: i })),
    );
    await db.collection('items').limit(30).get();
    await db
      .collection('items')
      .where({ n: db.command.gt(3) })
      .count();
    await db
      .collection('items')
      .aggregate()
      .group({ _id: null, n: db.command.aggregate.sum(1) })
      .end();
    await db.collection('items').doc('i1').get();
    expect(db.counts).toMatchObject({ reads: 4, writes: 0, documentsRead: 30 + 1 + 1 });
    await db.collection('items').add({ n: 100 });
    await db.collection('items').doc('i2').set({ n: 2 });
    await db.collection('items').doc('i3').update({ n: 33 });
    await db
      .collection('items')
      .where({ n: db.command.lt(10) })
      .update({ small: true });
    await db.collection('items').doc('i4').remove();
    expect(db.counts).toMatchObject({ reads: 4, writes: 5 });
    expect(db.counts.byCollection.items).toEqual({ reads: 4, writes: 5 });
    expect(await db.collection('items').where({ small: true }).count()).toMatchObject({ total: 8 });
  });

  test('add refuses an existing _id; set and update refuse to change _id', async () => {
    const db = createMemoryDatabase();
    await db.collection('m').add({ _id: 'once', v: 1 });
    await expect(db.collection('m').add({ _id: 'once', v: 2 })).rejects.toBeInstanceOf(MemoryCloudbaseError);
    await expect(db.collection('m').doc('once').set({ _id: 'x' })).rejects.toThrow('_id');
    expect((await db.collection('m').doc('once').get()).data).toEqual([{ _id: 'once', v: 1 }]);
  });

  test('a collection not in the list does not exist', () => {
    const db = createMemoryDatabase({ collections: ['known'] });
    expect(() => db.collection('unknown')).toThrow(MemoryCloudbaseError);
  });

  test('a transaction counts its inner requests and writes all or nothing', async () => {
    const db = createMemoryDatabase();
    await db.runTransaction(async (tx) => {
      await tx.collection('c').doc('a').get();
      await tx.collection('c').doc('a').set({ v: 1 });
      await tx.collection('c').doc('b').set({ v: 2 });
    });
    expect(db.counts).toMatchObject({ reads: 1, writes: 2 });
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('c').doc('a').set({ v: 9 });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(db.dump('c')).toEqual([
      { _id: 'a', v: 1 },
      { _id: 'b', v: 2 },
    ]);
  });

  test('concurrent transactions on one document conflict and run again: no update is lost, retries are counted', async () => {
    const db = createMemoryDatabase();
    db.load('quotas', [{ _id: 'q', used: 0 }]);
    const raise = () =>
      db.runTransaction(async (tx) => {
        const res = await tx.collection('quotas').doc('q').get();
        const used = (res.data as { used: number }).used;
        await tx
          .collection('quotas')
          .doc('q')
          .set({ used: used + 1 });
      });
    await Promise.all([raise(), raise(), raise()]);
    expect(db.dump('quotas')).toEqual([{ _id: 'q', used: 3 }]);
    expect(db.counts.reads).toBeGreaterThan(3);
    expect(db.counts.reads).toBe(db.counts.writes);
  });

  test('an aggregation the real SDK serialises runs on the stand-in, as one read; other requests are refused', async () => {
    const memory = createMemoryDatabase();
    memory.load('items', [
      { _id: 'a', n: 1, tag: 'x' },
      { _id: 'b', n: 5, tag: 'y' },
      { _id: 'c', n: 9, tag: 'x' },
    ]);
    const calls: string[] = [];
    const sdk = sdkDatabaseOver(memory, calls);
    const _ = sdk.command;
    const $ = _.aggregate;
    const res = await sdk
      .collection('items')
      .aggregate()
      .match({ n: _.gte(2).and(_.lt(10)) })
      .group({ _id: '$tag', total: $.sum('$n'), big: $.sum($.cond({ if: $.gt(['$n', 6]), then: 1, else: 0 })) })
      .sort({ _id: 1 })
      .limit(10)
      .end();
    expect(res.data).toEqual([
      { _id: 'x', total: 9, big: 1 },
      { _id: 'y', total: 5, big: 0 },
    ]);
    expect(memory.counts).toMatchObject({ reads: 1, writes: 0 });
    await expect(sdk.collection('items').where({ tag: 'x' }).get()).rejects.toThrow('not stood in');
    expect(calls).toEqual(['database.aggregateDocuments', 'database.getDocument']);
  });
});
