import type { Opinion } from '../../src/domain/opinion';
import { SUPPORTABLE_STATUSES } from '../../src/domain/support';
import { line, opinion } from './opinion-fixtures';
import type { ContractContext } from './store-contract';

/**
 * What 附议 needs of a store (server/ports/support-store.ts): a support row once per person, in
 * one transaction with its timeline and audit lines and only while the opinion is as read; counts
 * for a page of ids; a voter's supported opinions; and the open opinions of a station and category
 * the similar-opinions rule compares, bounded. Uses the stations of placesContract.
 */
export function supportsContract({ store, id, audit }: ContractContext) {
  const at = (minutes: number) => 1_700_000_000_000 + minutes * 60_000;
  const made = (n: number, fields: Partial<Opinion> = {}) =>
    opinion(n, { id: id(`sup-${n}`), stationId: id('a'), authorOpenid: id('sup-author'), ...fields });
  const supportLine = (o: Opinion, when: number) => ({
    ...line(o, when, 'supported', '又有一位选民附议了这条意见'),
    actorRole: 'voter' as const,
    actorName: '选民',
  });
  const supportAudit = (o: Opinion, who: string, when: number) => ({
    ...audit(o.id),
    at: when,
    actor: who,
    action: 'opinions.support',
    targetType: 'opinion',
  });
  const support = (o: Opinion, who: string, when: number, version = o.version) =>
    store.addSupport(
      { opinionId: o.id, openid: who, at: when },
      version,
      supportLine(o, when),
      supportAudit(o, who, when),
    );

  test('a voter supports an opinion once: the second 附议 writes nothing', async () => {
    const o = made(1);
    await store.createOpinion(o, [], []);
    const voter = id('sup-v1');

    expect(await support(o, voter, at(1))).toBe('added');
    expect(await support(o, voter, at(2))).toBe('already');

    expect(await store.isSupporting(o.id, voter)).toBe(true);
    expect(await store.isSupporting(o.id, id('sup-v2'))).toBe(false);
    expect(await store.countSupports([o.id])).toEqual(new Map([[o.id, 1]]));
    expect(await store.listSupporters(o.id, 10)).toEqual([{ opinionId: o.id, openid: voter, at: at(1) }]);
    const lines = (await store.listTimeline(o.id)).filter((e) => e.kind === 'supported');
    expect(lines).toEqual([supportLine(o, at(1))]);
    expect((await store.listAudit('opinion', o.id)).filter((a) => a.action === 'opinions.support')).toEqual([
      supportAudit(o, voter, at(1)),
    ]);
    // The opinion's version is what a change of the case checks: a 附议 raises only its count.
    expect((await store.getOpinion(o.id))?.version).toBe(o.version);
    expect((await store.getOpinion(o.id))?.supportCount).toBe(1);
  });

  test('every read of an opinion carries how many support it, and none is written by a change of the case', async () => {
    const o = made(12, { status: 'assigned', assignedDeputyId: id('sup-d') });
    const nobody = made(13, { status: 'assigned', assignedDeputyId: id('sup-d') });
    for (const x of [o, nobody]) await store.createOpinion(x, [], []);
    await support(o, id('sup-r1'), at(60));
    await support(o, id('sup-r2'), at(61));

    expect((await store.getOpinion(o.id))?.supportCount).toBe(2);
    expect(await store.getOpinion(nobody.id)).toEqual(nobody);
    const page = await store.listOpinions({ assignedDeputyId: id('sup-d'), limit: 10 });
    expect(page.items.map((x) => [x.id, x.supportCount])).toEqual([
      [nobody.id, undefined],
      [o.id, 2],
    ]);
    const similar = await store.listOpinionsOfCategory(id('a'), o.category, ['assigned'], 50);
    expect(similar.find((x) => x.id === o.id)?.supportCount).toBe(2);

    // A change based on the opinion as read before the second 附议 (count 1, or any figure it
    // carries) passes its version check and keeps the count the store holds.
    const readBefore = { ...o, supportCount: 1 };
    expect(await store.updateOpinion({ ...readBefore, status: 'replied', version: 2 }, 1, [], [])).toBe(true);
    expect(await store.getOpinion(o.id)).toMatchObject({ status: 'replied', version: 2, supportCount: 2 });
  });

  test('three voters supporting one opinion at once: each is counted', async () => {
    const o = made(15);
    await store.createOpinion(o, [], []);
    const outcomes = await Promise.all(
      ['x', 'y', 'z'].map((who, i) => support(o, id(`sup-at-once-${who}`), at(80 + i))),
    );
    expect(outcomes).toEqual(['added', 'added', 'added']);
    expect((await store.getOpinion(o.id))?.supportCount).toBe(3);
    expect((await store.countSupports([o.id])).get(o.id)).toBe(3);
  });

  test('a 附议 and a change of the case at once: both stand, and the count is the number of supporters', async () => {
    const o = made(14, { status: 'assigned', assignedDeputyId: id('sup-d2') });
    await store.createOpinion(o, [], []);
    const [added, changed] = await Promise.all([
      support(o, id('sup-race'), at(70)),
      store.updateOpinion({ ...o, status: 'replied', version: 2 }, 1, [], []),
    ]);
    // Whichever came second saw the other: a 附议 after the change finds a new version.
    expect(changed).toBe(true);
    const stored = await store.getOpinion(o.id);
    expect(stored?.status).toBe('replied');
    expect(stored?.supportCount).toBe(added === 'added' ? 1 : undefined);
    expect((await store.countSupports([o.id])).get(o.id)).toBe(stored?.supportCount);
  });

  test('a 附议 of an opinion that changed since it was read, or is gone, writes nothing', async () => {
    const o = made(2);
    await store.createOpinion(o, [], []);
    expect(await store.updateOpinion({ ...o, status: 'replied', version: 2 }, 1, [], [])).toBe(true);

    expect(await support(o, id('sup-late'), at(3), 1)).toBe('changed');
    expect(await support(made(99), id('sup-late'), at(3))).toBe('changed');

    expect(await store.isSupporting(o.id, id('sup-late'))).toBe(false);
    expect((await store.listTimeline(o.id)).filter((e) => e.kind === 'supported')).toEqual([]);
  });

  test('counts come for a page of ids at once; ids nobody supports are absent', async () => {
    const [x, y, z] = [made(3), made(4), made(5)];
    for (const o of [x, y, z]) await store.createOpinion(o, [], []);
    for (const [i, who] of ['p', 'q', 'r'].entries()) await support(x, id(`sup-${who}`), at(10 + i));
    await support(y, id('sup-p'), at(20));

    expect(await store.countSupports([x.id, y.id, z.id])).toEqual(
      new Map([
        [x.id, 3],
        [y.id, 1],
      ]),
    );
    expect(await store.countSupports([])).toEqual(new Map());
    expect(await store.listSupportedAmong(id('sup-p'), [x.id, y.id, z.id])).toEqual(new Set([x.id, y.id]));
    expect(await store.listSupportedAmong(id('sup-q'), [y.id, z.id])).toEqual(new Set());
    expect((await store.listSupporters(x.id, 2)).map((s) => s.openid)).toEqual([id('sup-p'), id('sup-q')]);
  });

  test('a voter’s supported opinions come the latest 附议 first, a page at a time', async () => {
    const voter = id('sup-pager');
    const os = [made(6), made(7), made(8)];
    for (const o of os) await store.createOpinion(o, [], []);
    await support(os[1]!, voter, at(30));
    await support(os[0]!, voter, at(31));
    await support(os[2]!, voter, at(32));

    const first = await store.listSupportedOpinions(voter, undefined, 2);
    expect(first.items.map((o) => o.id)).toEqual([os[2]!.id, os[0]!.id]);
    expect(first.nextCursor).not.toBeNull();
    const second = await store.listSupportedOpinions(voter, first.nextCursor!, 2);
    expect(second).toEqual({ items: [{ ...os[1], supportCount: 1 }], nextCursor: null });
    expect(await store.listSupportedOpinions(id('sup-nobody'), undefined, 2)).toEqual({ items: [], nextCursor: null });
  });

  test('a merge carries supporters over with the change, skipping those already there', async () => {
    const duplicate = made(9);
    const target = made(10);
    for (const o of [duplicate, target]) await store.createOpinion(o, [], []);
    await support(target, id('sup-both'), at(40));

    const merged = { ...duplicate, status: 'rejected' as const, version: 2 };
    const carried = [id('sup-both'), id('sup-new')].map((openid) => ({ opinionId: target.id, openid, at: at(41) }));
    expect(await store.updateOpinion(merged, 1, [], [], carried)).toBe(true);

    expect(await store.listSupporters(target.id, 10)).toEqual([
      { opinionId: target.id, openid: id('sup-both'), at: at(40) },
      { opinionId: target.id, openid: id('sup-new'), at: at(41) },
    ]);
    expect((await store.getOpinion(target.id))?.supportCount).toBe(2);
    // A change that loses its version check carries nobody.
    const stale = [{ opinionId: target.id, openid: id('sup-stale'), at: at(42) }];
    expect(await store.updateOpinion({ ...merged, version: 3 }, 1, [], [], stale)).toBe(false);
    expect(await store.isSupporting(target.id, id('sup-stale'))).toBe(false);
  });

  test('erasing a voter’s records deletes their 附议 and nobody else’s', async () => {
    const o = made(11);
    await store.createOpinion(o, [], []);
    await support(o, id('sup-leaver'), at(50));
    await support(o, id('sup-stayer'), at(51));
    const erasure = { ...audit(id('sup-leaver')), action: 'account.erase', targetType: 'account' };

    expect((await store.eraseVoterRecords(id('sup-leaver'), erasure)).supports).toBe(1);

    expect(await store.countSupports([o.id])).toEqual(new Map([[o.id, 1]]));
    expect((await store.getOpinion(o.id))?.supportCount).toBe(1);
    expect(await store.isSupporting(o.id, id('sup-leaver'))).toBe(false);
    expect(await store.listSupportedOpinions(id('sup-leaver'), undefined, 10)).toEqual({ items: [], nextCursor: null });
  });

  test('the similar-opinions candidates: open ones of that station and category, newest first, bounded', async () => {
    const station = id('b');
    const of = (n: number, fields: Partial<Opinion>) =>
      made(n, { stationId: station, category: 'environment', createdAt: at(n), updatedAt: at(n), ...fields });
    const open = SUPPORTABLE_STATUSES.map((status, i) => of(100 + i, { status }));
    const closedOnes = (['held', 'resolved', 'closed', 'rejected', 'withdrawn'] as const).map((status, i) =>
      of(120 + i, { status }),
    );
    const elsewhere = [of(130, { category: 'transport' }), of(131, { stationId: id('a') })];
    for (const o of [...open, ...closedOnes, ...elsewhere]) await store.createOpinion(o, [], []);

    const found = await store.listOpinionsOfCategory(station, 'environment', SUPPORTABLE_STATUSES, 10);
    expect(found.map((o) => o.id)).toEqual([...open].reverse().map((o) => o.id));
    const bounded = await store.listOpinionsOfCategory(station, 'environment', SUPPORTABLE_STATUSES, 2);
    expect(bounded.map((o) => o.id)).toEqual([open[3]!.id, open[2]!.id]);
    expect(await store.listOpinionsOfCategory(station, 'environment', [], 10)).toEqual([]);
  });
}
