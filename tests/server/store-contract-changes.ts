import { OpinionConflictError, type OpinionWrite } from '../../server/ports/opinion-store';
import type { Opinion } from '../../src/domain/opinion';
import { line, opinion } from './opinion-fixtures';
import type { ContractContext } from './store-contract';

/**
 * How an action changes an opinion it names (OpinionStore.changeOpinion): the change is decided on
 * the opinion as stored when it is written, so no change made meanwhile is overwritten; what the
 * decision throws, or a decision to change nothing, writes nothing. Uses the stations of
 * placesContract.
 */
export function changesContract({ store, id }: ContractContext) {
  const made = (n: number) => opinion(n, { id: id(`chg-${n}`), stationId: id('a'), authorOpenid: id('chg-author') });
  /** A change that adds `mark` to the opinion's text, with a line saying so. */
  const adding =
    (mark: string) =>
    async (current: Opinion): Promise<OpinionWrite> => {
      // As an action's decision may: wait on something else before deciding.
      await new Promise((done) => setImmediate(done));
      return {
        next: { ...current, content: `${current.content}${mark}`, version: current.version + 1 },
        events: [line(current, 1_700_000_000_000, 'note', `加上${mark}`)],
        outbox: [],
      };
    };

  test('a change is decided on the stored opinion and written with its lines', async () => {
    const o = made(1);
    await store.createOpinion(o, [], []);
    const result = await store.changeOpinion(o.id, adding('甲'));
    expect(result).toEqual({ opinion: { ...o, content: `${o.content}甲`, version: 2 }, written: true });
    expect(await store.getOpinion(o.id)).toEqual(result!.opinion);
    expect((await store.listTimeline(o.id)).map((e) => e.text)).toEqual(['加上甲']);
  });

  test('changes racing each other are each decided on what the one before wrote: none is lost', async () => {
    const o = made(2);
    await store.createOpinion(o, [], []);
    await Promise.all(['一', '二', '三'].map((mark) => store.changeOpinion(o.id, adding(mark))));
    const after = (await store.getOpinion(o.id))!;
    expect(after.version).toBe(4);
    expect([...after.content.slice(o.content.length)].sort()).toEqual(['一', '三', '二'].sort());
    expect(await store.listTimeline(o.id)).toHaveLength(3);
  });

  test('a decision to change nothing, or one that throws, writes nothing', async () => {
    const o = made(3);
    await store.createOpinion(o, [], []);
    expect(await store.changeOpinion(o.id, async () => null)).toEqual({ opinion: o, written: false });
    await expect(
      store.changeOpinion(o.id, async () => {
        throw new Error('这条意见现在不能评价');
      }),
    ).rejects.toThrow('这条意见现在不能评价');
    expect(await store.getOpinion(o.id)).toEqual(o);
    expect(await store.listTimeline(o.id)).toEqual([]);
  });

  test('no such opinion: null, and nothing is decided', async () => {
    let decided = false;
    const result = await store.changeOpinion(id('chg-none'), async () => {
      decided = true;
      return null;
    });
    expect(result).toBeNull();
    expect(decided).toBe(false);
  });

  test('an opinion changed by someone else every time it is decided: OpinionConflictError, and this change is not written', async () => {
    const o = made(4);
    await store.createOpinion(o, [], []);
    let rounds = 0;
    const outcome = store.changeOpinion(o.id, async (current) => {
      rounds += 1;
      // Another change commits between this one's read and its write.
      const other = { ...current, content: `${current.content}乙`, version: current.version + 1 };
      await store.updateOpinion(other, current.version, [], []);
      return adding('丙')(current);
    });
    await expect(outcome).rejects.toBeInstanceOf(OpinionConflictError);
    expect(rounds).toBeGreaterThan(1);
    const after = (await store.getOpinion(o.id))!;
    expect(after.content).not.toContain('丙');
    expect(after.version).toBe(1 + rounds);
  });
}
