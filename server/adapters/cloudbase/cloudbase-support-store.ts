import { createHash } from 'node:crypto';
import type { Opinion } from '../../../src/domain/opinion';
import type { OpinionSupport } from '../../ports/store-types';
import type { SupportOutcome, SupportStore } from '../../ports/support-store';
import { decodeCursor, encodeCursor } from '../cursor';
import { PAGE, RolledBack, strip, txDocument, writeAudit } from './documents';
import { forgetTimelinesOf, TIMELINE_FIELD } from './opinion-timeline';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's query and aggregate builders are untyped */
type Db = any;
type Tx = any;

/**
 * A support document's _id: a hash of (opinionId, openid), so that a voter's second 附议 of an
 * opinion finds the first inside the transaction (and an OPENID never stands in an _id).
 */
export function supportId(opinionId: string, openid: string): string {
  return createHash('sha256').update(`${opinionId}\u0000${openid}`).digest('hex').slice(0, 40);
}

/**
 * The opinion document's field holding `Opinion.supportCount`, written in the transaction of
 * every 附议 (and merge, and erasure of a supporter). A document written before it existed has
 * none, and is counted from `opinion_supports` when read (`opinionsFromDocs`).
 */
export const SUPPORT_COUNT_FIELD = 'supportCount';

const keptCount = (doc: Record<string, unknown> | undefined): number | undefined => {
  const n = doc?.[SUPPORT_COUNT_FIELD];
  return typeof n === 'number' ? n : undefined;
};

/** Inside `tx`: add `delta` to the kept count of an opinion, unless it keeps none (counted on read). */
async function changeCountInTransaction(tx: Tx, opinionId: string, delta: number): Promise<void> {
  const kept = keptCount(txDocument(await tx.collection('opinions').doc(opinionId).get()));
  if (kept === undefined) return;
  await tx
    .collection('opinions')
    .doc(opinionId)
    .update({ [SUPPORT_COUNT_FIELD]: Math.max(0, kept + delta) });
}

/**
 * Add each support inside `tx` unless that voter already supports that opinion, and raise the
 * kept counts by those added: a merge carrying a duplicate's supporters over to its target (updateOpinion).
 */
export async function addSupportsInTransaction(tx: Tx, supports: readonly OpinionSupport[]): Promise<void> {
  const added = new Map<string, number>();
  for (const s of supports) {
    const id = supportId(s.opinionId, s.openid);
    if (txDocument(await tx.collection('opinion_supports').doc(id).get())) continue;
    await tx.collection('opinion_supports').doc(id).set({ opinionId: s.opinionId, openid: s.openid, at: s.at });
    added.set(s.opinionId, (added.get(s.opinionId) ?? 0) + 1);
  }
  for (const [opinionId, n] of added) await changeCountInTransaction(tx, opinionId, n);
}

/**
 * Opinions from their documents, each with its 附议 count as kept in the document (absent when
 * 0); documents older than the kept count are counted by one aggregation for all of them.
 */
export async function opinionsFromDocs(db: Db, docs: ReadonlyArray<Record<string, unknown>>): Promise<Opinion[]> {
  const uncounted = docs.filter((d) => keptCount(d) === undefined).map((d) => String(d._id));
  const counted = uncounted.length > 0 ? await countSupportsOf(db, uncounted) : new Map<string, number>();
  return docs.map((d) => {
    const { supportCount: _kept, ...opinion } = strip<Opinion>(d);
    const n = keptCount(d) ?? counted.get(String(d._id)) ?? 0;
    return n > 0 ? { ...opinion, supportCount: n } : opinion;
  });
}

/** How many support each of `ids` (absent: none), by one aggregation of `opinion_supports`. */
async function countSupportsOf(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const _ = db.command;
  const res = await db
    .collection('opinion_supports')
    .aggregate()
    .match({ opinionId: _.in([...ids]) })
    .group({ _id: '$opinionId', n: _.aggregate.sum(1) })
    // Without a limit stage an aggregation answers 20 groups.
    .limit(ids.length)
    .end();
  return new Map((res.data as Array<{ _id: string; n: number }>).map((r) => [r._id, Number(r.n)]));
}

/**
 * Remove every 附议 of `openid` (erasure of their records), each in a transaction with the
 * lowering of its opinion's kept count; how many were removed.
 */
export async function removeSupportsOf(db: Db, openid: string): Promise<number> {
  let removed = 0;
  for (;;) {
    const res = await db.collection('opinion_supports').where({ openid }).limit(PAGE).get();
    const page = (res.data ?? []) as Array<Record<string, unknown>>;
    for (const doc of page) {
      const id = String(doc._id);
      removed += await db.runTransaction(async (tx: Tx) => {
        const support = txDocument<OpinionSupport>(await tx.collection('opinion_supports').doc(id).get());
        if (!support) return 0;
        await tx.collection('opinion_supports').doc(id).remove();
        await changeCountInTransaction(tx, support.opinionId, -1);
        return 1;
      });
    }
    if (page.length < PAGE) return removed;
  }
}

class Outcome extends RolledBack {
  constructor(readonly outcome: SupportOutcome) {
    super(outcome);
  }
}

/**
 * 附议 on CloudBase: the `opinion_supports` collection, one document per (opinion, voter) under
 * `supportId`. A 附议 reads its own document and the opinion in one transaction with the row, the
 * timeline line and the audit line; counts are one aggregation for a page of ids.
 */
export function createCloudbaseSupportStore(db: Db): SupportStore {
  const _ = db.command;
  const supports = () => db.collection('opinion_supports');
  const fromDoc = (d: Record<string, unknown>): OpinionSupport => {
    const { opinionId, openid, at } = strip<OpinionSupport>(d);
    return { opinionId, openid, at };
  };

  return {
    addSupport: async (support, expected, line, audit) => {
      const id = supportId(support.opinionId, support.openid);
      try {
        await db.runTransaction(async (tx: Tx) => {
          if (txDocument(await tx.collection('opinion_supports').doc(id).get())) throw new Outcome('already');
          const current = txDocument<Record<string, unknown>>(
            await tx.collection('opinions').doc(support.opinionId).get(),
          );
          if (!current || current.version !== expected) throw new Outcome('changed');
          await tx
            .collection('opinion_supports')
            .doc(id)
            .set({ opinionId: support.opinionId, openid: support.openid, at: support.at });
          // The count beside the opinion, not its version: a 附议 does not conflict with the case's
          // changes. Its timeline line is added to the opinion's own in the same write.
          const kept = keptCount(current);
          await tx
            .collection('opinions')
            .doc(support.opinionId)
            .update({
              ...(kept !== undefined ? { [SUPPORT_COUNT_FIELD]: kept + 1 } : {}),
              [TIMELINE_FIELD]: _.push([{ ...line }]),
            });
          await writeAudit(tx, audit);
        });
        forgetTimelinesOf(db, [line]);
        return 'added';
      } catch (error) {
        if (error instanceof Outcome) return error.outcome;
        throw error;
      }
    },
    isSupporting: async (opinionId, openid) =>
      (
        await supports()
          .where({ _id: supportId(opinionId, openid) })
          .count()
      ).total > 0,
    countSupports: (ids) => countSupportsOf(db, ids),
    listSupportedAmong: async (openid, ids) => {
      if (ids.length === 0) return new Set();
      const res = await supports()
        .where({ openid, opinionId: _.in([...ids]) })
        .limit(Math.min(ids.length, PAGE))
        .get();
      return new Set((res.data ?? []).map((d: Record<string, unknown>) => String(d.opinionId)));
    },
    listSupporters: async (opinionId, limit) => {
      const res = await supports()
        .where({ opinionId })
        .orderBy('at', 'asc')
        .orderBy('openid', 'asc')
        .limit(Math.min(limit, PAGE))
        .get();
      return (res.data ?? []).map(fromDoc);
    },
    listSupportedOpinions: async (openid, cursor, limit) => {
      const after = cursor ? decodeCursor(cursor) : null;
      const where = after
        ? _.and([{ openid }, _.or([{ at: _.lt(after.createdAt) }, { at: after.createdAt, opinionId: _.lt(after.id) }])])
        : { openid };
      const res = await supports()
        .where(where)
        .orderBy('at', 'desc')
        .orderBy('opinionId', 'desc')
        .limit(Math.min(limit + 1, PAGE))
        .get();
      const rows = ((res.data ?? []) as Array<Record<string, unknown>>).map(fromDoc);
      const page = rows.slice(0, limit);
      if (page.length === 0) return { items: [], nextCursor: null };
      const found = await db
        .collection('opinions')
        .where({ _id: _.in(page.map((s) => s.opinionId)) })
        .limit(page.length)
        .get();
      const byId = new Map(
        (await opinionsFromDocs(db, (found.data ?? []) as Array<Record<string, unknown>>)).map((o) => [o.id, o]),
      );
      const items = page.flatMap((s) => (byId.has(s.opinionId) ? [byId.get(s.opinionId)!] : []));
      const last = page[page.length - 1]!;
      return {
        items,
        nextCursor: rows.length > limit ? encodeCursor({ createdAt: last.at, id: last.opinionId }) : null,
      };
    },
    listOpinionsOfCategory: async (stationId, category, statuses, limit) => {
      if (statuses.length === 0) return [];
      const res = await db
        .collection('opinions')
        .where({ stationId, category, status: _.in([...statuses]) })
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc')
        .limit(Math.min(limit, PAGE))
        .get();
      return opinionsFromDocs(db, res.data ?? []);
    },
  };
}
