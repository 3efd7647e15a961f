import type { Opinion } from '../../../src/domain/opinion';
import { type OpinionStore, QuotaExceededError } from '../../ports/opinion-store';
import { decodeCursor, encodeCursor } from '../cursor';
import { figuresFromSources } from '../figure-counting';
import { createCloudbaseFigureSources, FIGURES_FIELD, figuresDocument } from './cloudbase-figures';
import type { CollectionName } from './collections';
import {
  createCloudbaseCounterReads,
  moveCounters,
  recountCloudbaseCounters,
  runCountedTransaction,
} from './cloudbase-counters';
import {
  CONTACT_ENDED_FIELD,
  COUNTED_FIELD,
  getDocument,
  outboxFromDoc,
  PAGE,
  RolledBack,
  strip,
  takeQuota,
  timelineOf,
  txDocument,
  writeSideEffects,
} from './documents';
import { contactEndedAt } from '../../../src/domain/personal-data';
import { addSupportsInTransaction, opinionsFromDocs, SUPPORT_COUNT_FIELD } from './cloudbase-support-store';

// The structural slice of the CloudBase database API this file uses.
/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's query builder is untyped */
type Db = any;
type Tx = any;

/**
 * An opinion as stored: the opinion with its derived figure flags and retention field, its kept
 * 附议 count (SUPPORT_COUNT_FIELD) as `supportCount` says — 0 for a new opinion; a change keeps
 * the stored count instead (updateOpinion) — and marked as counted: it is written only by the
 * transactions that move the counters with it.
 */
export function opinionDocument(opinion: Opinion): Record<string, unknown> {
  const ended = contactEndedAt(opinion);
  return {
    ...opinion,
    [SUPPORT_COUNT_FIELD]: opinion.supportCount ?? 0,
    [FIGURES_FIELD]: figuresDocument(opinion),
    ...(ended !== undefined ? { [CONTACT_ENDED_FIELD]: ended } : {}),
    [COUNTED_FIELD]: true,
  };
}

/**
 * Opinions on CloudBase. The opinion's _id is its id, which the service derives from
 * (submittedBy, requestId), so a retried submit finds the first one inside the transaction.
 * Timeline lines, outbox messages and the counters (cloudbase-counters.ts) are written in the
 * same transaction as the change.
 */
export function createCloudbaseOpinionStore(db: Db): OpinionStore {
  const _ = db.command;
  const col = (name: CollectionName) => db.collection(name);

  const getDoc = <T>(name: CollectionName, id: string) => getDocument<T>(col(name), id);
  const counterReads = createCloudbaseCounterReads(db);

  /** The first opinion matching `where`, with its 附议 count. */
  const findOpinion = async (where: Record<string, unknown>) => {
    const res = await col('opinions').where(where).limit(1).get();
    return (await opinionsFromDocs(db, res.data ?? []))[0] ?? null;
  };

  return {
    createOpinion: async (opinion, events, outbox, quota) => {
      try {
        await runCountedTransaction(db, async (tx: Tx) => {
          // add() refuses an existing _id: a retried submit ends here, having written nothing,
          // without a read first (the same (submittedBy, requestId) gives the same id).
          await tx.collection('opinions').add({ _id: opinion.id, ...opinionDocument(opinion) });
          if (quota && !(await takeQuota(tx, quota.key, quota.max))) throw new QuotaExceededError();
          await writeSideEffects(tx, events, outbox);
          await moveCounters(tx, _, null, opinion);
        });
        return { created: true, opinion };
      } catch (error) {
        // Refused, or over the quota: if the opinion is there already, this was a retry of it.
        const existing = await findOpinion({ _id: opinion.id });
        if (existing) return { created: false, opinion: existing };
        throw error;
      }
    },
    getOpinion: (id) => findOpinion({ _id: id }),
    getOpinionByClaimCode: (code) => findOpinion({ claimCode: code }),
    updateOpinion: async (next, expected, events, outbox, supports = []) => {
      try {
        await runCountedTransaction(db, async (tx: Tx) => {
          const current = txDocument<Record<string, unknown>>(await tx.collection('opinions').doc(next.id).get());
          if (!current || current.version !== expected) throw new RolledBack();
          // The 附议 count as stored (a 附议 changes it without a new version), or none if never kept.
          const { [SUPPORT_COUNT_FIELD]: _read, ...doc } = opinionDocument(next);
          const kept = current[SUPPORT_COUNT_FIELD];
          await tx
            .collection('opinions')
            .doc(next.id)
            .set(typeof kept === 'number' ? { ...doc, [SUPPORT_COUNT_FIELD]: kept } : doc);
          await writeSideEffects(tx, events, outbox);
          await addSupportsInTransaction(tx, supports);
          // A document from before the counters is not in them: its whole new contribution is added.
          await moveCounters(tx, _, current[COUNTED_FIELD] === true ? strip<Opinion>(current) : null, next);
        });
        return true;
      } catch (error) {
        if (error instanceof RolledBack) return false;
        throw error;
      }
    },
    listOpinions: async (query) => {
      const conditions: Record<string, unknown>[] = [];
      const where: Record<string, unknown> = {};
      if (query.authorOpenid !== undefined) where.authorOpenid = query.authorOpenid;
      if (query.assignedDeputyId !== undefined) where.assignedDeputyId = query.assignedDeputyId;
      if (query.stationId !== undefined) where.stationId = query.stationId;
      if (query.statuses) {
        if (query.statuses.length === 0) return { items: [], nextCursor: null };
        where.status = _.in([...query.statuses]);
      }
      if (query.dueOnOrBefore !== undefined) where.replyDueDate = _.lte(query.dueOnOrBefore);
      if (query.staffReview !== undefined) where.staffReview = query.staffReview ? true : _.neq(true);
      conditions.push(where);
      const after = query.cursor ? decodeCursor(query.cursor) : null;
      if (after) {
        conditions.push(
          _.or([{ createdAt: _.lt(after.createdAt) }, { createdAt: after.createdAt, _id: _.lt(after.id) }]),
        );
      }
      const res = await col('opinions')
        .where(_.and(conditions))
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc')
        .limit(Math.min(query.limit + 1, PAGE))
        .get();
      const rows = await opinionsFromDocs(db, res.data ?? []);
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
    },
    countOpenByDeputy: counterReads.countOpenByDeputy,
    listTimeline: async (opinionId) => {
      const out: Array<Record<string, unknown>> = [];
      for (let skip = 0; ; skip += PAGE) {
        const res = await col('opinion_events')
          .where({ opinionId })
          .orderBy('at', 'asc')
          .orderBy('seq', 'asc')
          .skip(skip)
          .limit(PAGE)
          .get();
        out.push(...(res.data ?? []));
        if ((res.data ?? []).length < PAGE) break;
      }
      return timelineOf(out);
    },
    listDueOutbox: async (now, limit) => {
      const res = await col('outbox')
        .where({ status: 'pending', nextAttemptAt: _.lte(now) })
        .orderBy('nextAttemptAt', 'asc')
        .limit(Math.min(limit, PAGE))
        .get();
      return (res.data ?? []).map(outboxFromDoc);
    },
    updateOutbox: async (message, expectedAttempts) => {
      const res = await col('outbox')
        .where({ _id: message.id, attempts: expectedAttempts, status: 'pending' })
        .update({
          status: message.status,
          attempts: message.attempts,
          nextAttemptAt: message.nextAttemptAt,
          lastError: message.lastError ?? null,
        });
      return res.updated === 1;
    },
    recordMediaChecks: async (opinionId, checks) => {
      for (const c of checks) await col('media_checks').doc(c.traceId).set({ opinionId, fileId: c.fileId });
    },
    findMediaCheck: async (traceId) => getDoc<{ opinionId: string; fileId: string }>('media_checks', traceId),
    listOutbox: async (limit) => {
      const res = await col('outbox').orderBy('createdAt', 'desc').limit(Math.min(limit, PAGE)).get();
      return (res.data ?? []).map(outboxFromDoc);
    },
    ...figuresFromSources({ ...counterReads, ...createCloudbaseFigureSources(db) }),
    recountCounters: (month, repair) => recountCloudbaseCounters(db, month, repair),
  };
}
