import type { Opinion } from '../../src/domain/opinion';
import { opinion } from './opinion-fixtures';
import type { ContractContext } from './store-contract';

/**
 * What erasure needs of a store: the contacts whose opinion ended before a time, and a voter's own
 * records beside their opinions deleted with one audit line. Runs after messagesContract, whose
 * person `p1` has five messages, a read mark and two subscription credits.
 */
export function personalDataContract({ store, id, audit }: ContractContext) {
  const contact = { name: '张桂英', phone: '13805741234' };
  const at = (minutes: number) => 1_700_000_000_000 + minutes * 60_000;
  const ended = (n: number, fields: Partial<Opinion>) =>
    opinion(n, { id: id(`pd-${n}`), stationId: id('a'), authorOpenid: id('pd-voter'), ...fields });

  test('contacts are listed by when their opinion ended, only while held and only once ended', async () => {
    const closed = ended(1, { status: 'closed', contact, updatedAt: at(10) });
    const rejected = ended(2, { status: 'rejected', contact, updatedAt: at(20) });
    const withdrawn = ended(3, { status: 'withdrawn', contact, updatedAt: at(5) });
    const noContact = ended(4, { status: 'closed', updatedAt: at(1) });
    const open = ended(5, { status: 'assigned', contact, updatedAt: at(1) });
    for (const o of [closed, rejected, withdrawn, noContact, open]) await store.createOpinion(o, [], []);
    const ids = async (before: number, limit = 10) =>
      (await store.listContactsEndedBefore(before, limit)).map((o) => o.id);

    expect(await ids(at(30))).toEqual([withdrawn.id, closed.id, rejected.id]);
    expect(await ids(at(20))).toEqual([withdrawn.id, closed.id]);
    expect(await ids(at(30), 1)).toEqual([withdrawn.id]);

    const { contact: _gone, ...erased } = closed;
    expect(await store.updateOpinion({ ...erased, version: 2, updatedAt: at(40) }, 1, [], [])).toBe(true);
    expect(await ids(at(50))).toEqual([withdrawn.id, rejected.id]);
    // An opinion that ends later is found from then on.
    expect(await store.updateOpinion({ ...open, status: 'withdrawn', version: 2, updatedAt: at(45) }, 1, [], [])).toBe(
      true,
    );
    expect(await ids(at(50))).toEqual([withdrawn.id, rejected.id, open.id]);
  });

  test('a voter’s follows, messages, subscriptions, read mark and 选区 are deleted, and nobody else’s', async () => {
    const p1 = id('p1');
    await store.setFollow(p1, id('a'), true, at(1));
    await store.setFollow(id('p2'), id('a'), true, at(1));
    await store.setVoterDistrict(p1, '第一选区', at(1), audit(p1));
    const erasure = { ...audit(p1), action: 'account.erase', targetType: 'account', actor: p1 };

    expect(await store.eraseVoterRecords(p1, erasure)).toEqual({
      follows: 1,
      messages: 5,
      subscriptions: 2,
      readMarks: 1,
      districts: 1,
      supports: 0,
    });
    expect(await store.isFollowing(p1, id('a'))).toBe(false);
    expect((await store.listMessages(p1, undefined, 10)).items).toEqual([]);
    expect(await store.listSubscriptions(p1)).toEqual({});
    expect(await store.getMessagesReadAt(p1)).toBe(0);
    expect(await store.getVoterDistrict(p1)).toBeNull();
    expect(await store.isFollowing(id('p2'), id('a'))).toBe(true);
    expect((await store.listMessages(id('p2'), undefined, 10)).items).toHaveLength(1);
    expect((await store.listAudit('account', p1)).filter((a) => a.action === 'account.erase')).toEqual([
      { ...erasure, detail: { follows: 1, messages: 5, subscriptions: 2, readMarks: 1, districts: 1, supports: 0 } },
    ]);

    // Again: nothing left, and the line says so.
    expect(await store.eraseVoterRecords(p1, erasure)).toEqual({
      follows: 0,
      messages: 0,
      subscriptions: 0,
      readMarks: 0,
      districts: 0,
      supports: 0,
    });
  });
}
