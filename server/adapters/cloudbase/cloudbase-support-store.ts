import { createHash } from 'node:crypto';
import type { Opinion } from '../../../src/domain/opinion';
import type { OpinionSupport } from '../../ports/store-types';
import type { SupportOutcome, SupportStore } from '../../ports/support-store';
import { decodeCursor, encodeCursor } from '../cursor';
import { PAGE, RolledBack, strip, txDocument, writeAudit } from './documents';

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
 * Add each support inside `tx` unless that voter already supports that opinion: a merge carrying
 * a duplicate's supporters over to its target (updateOpinion).
 */
export async function addSupportsInTransaction(tx: Tx, supports: readonly OpinionSupport[]): Promise<void> {
  for (const s of supports) {
    const id = supportId(s.opinionId, s.openid);
    if (txDocument(await tx.collection('opinion_supports').doc(id).get())) continue;
    await tx.collection('opinion_supports').doc(id).set({ opinionId: s.opinionId, openid: s.openid, at: s.at });
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
  const $ = _.aggregate;
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
          const current = txDocument<Opinion>(await tx.collection('opinions').doc(support.opinionId).get());
          if (!current || current.version !== expected) throw new Outcome('changed');
          await tx
            .collection('opinion_supports')
            .doc(id)
            .set({ opinionId: support.opinionId, openid: support.openid, at: support.at });
          // Its own id: two 附议 in the same millisecond each keep their line.
          await tx
            .collection('opinion_events')
            .doc(`${line.opinionId}-${line.at}-support-${id}`)
            .set({ ...line, seq: 0 });
          await writeAudit(tx, audit);
        });
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
    countSupports: async (ids) => {
      if (ids.length === 0) return new Map();
      const res = await supports()
        .aggregate()
        .match({ opinionId: _.in([...ids]) })
        .group({ _id: '$opinionId', n: $.sum(1) })
        // Without a limit stage an aggregation answers 20 groups.
        .limit(ids.length)
        .end();
      return new Map((res.data as Array<{ _id: string; n: number }>).map((r) => [r._id, Number(r.n)]));
    },
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
        ((found.data ?? []) as Array<Record<string, unknown>>).map((d) => [String(d._id), strip<Opinion>(d)]),
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
      return (res.data ?? []).map((d: Record<string, unknown>) => strip<Opinion>(d));
    },
  };
}
