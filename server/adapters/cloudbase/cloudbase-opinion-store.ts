import type { Opinion } from '../../../src/domain/opinion';
import {
  OpinionConflictError,
  type OpinionStore,
  type OutboxMessage,
  QuotaExceededError,
} from '../../ports/opinion-store';
import type { OpinionSupport } from '../../ports/store-types';
import { decodeCursor, encodeCursor } from '../cursor';
import { figuresFromSources } from '../figure-counting';
import { retriedSubmission } from '../retried-submission';
import { createCloudbaseFigureSources, FIGURES_FIELD, figuresDocument } from './cloudbase-figures';
import type { CollectionName } from './collections';
import {
  createCloudbaseCounterReads,
  countedPart,
  isConflict,
  moveCounters,
  openFigureCounters,
  recountCloudbaseCounters,
  runCountedTransaction,
} from './cloudbase-counters';
import {
  CONTACT_ENDED_FIELD,
  COUNTED_FIELD,
  COUNTED_WITH_OPEN,
  getDocument,
  outboxFromDoc,
  PAGE,
  RolledBack,
  strip,
  txDocument,
} from './documents';
import type { TimelineEvent } from '../../../src/domain/opinion';
import {
  forgetTimelinesOf,
  holdsWholeTimeline,
  keptTimelines,
  linesIn,
  splitLines,
  TIMELINE_FIELD,
  timelineOfDocument,
  WHOLE_TIMELINE_FIELD,
} from './opinion-timeline';
import { type KnownQuotas, returnQuota, spendQuota } from './quotas';
import { writeSideEffects } from './side-effects';
import { contactEndedAt } from '../../../src/domain/personal-data';
import { addSupportsInTransaction, opinionsFromDocs, SUPPORT_COUNT_FIELD } from './cloudbase-support-store';

// The structural slice of the CloudBase database API this file uses.
/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's query builder is untyped */
type Db = any;
type Tx = any;
type Command = any;

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
    [COUNTED_FIELD]: COUNTED_WITH_OPEN,
  };
}

/**
 * Write `next` over the stored opinion `current` inside `tx`: the 附议 count and the timeline as
 * stored (a 附议 or a 建议 changes them without a new version) with this change's own lines, the
 * lines of other opinions and the messages, the supports carried over, and the counters moved by
 * the difference. Answers what is kept of the timeline for the action.
 */
async function writeChange(
  tx: Tx,
  _: Command,
  current: Record<string, unknown>,
  next: Opinion,
  own: TimelineEvent[],
  others: TimelineEvent[],
  outbox: readonly OutboxMessage[],
  supports: readonly OpinionSupport[],
) {
  const { [SUPPORT_COUNT_FIELD]: _read, ...doc } = opinionDocument(next);
  const kept = current[SUPPORT_COUNT_FIELD];
  const timeline = [...linesIn(current), ...own];
  const whole = holdsWholeTimeline(current) ? { [WHOLE_TIMELINE_FIELD]: true } : {};
  await tx
    .collection('opinions')
    .doc(next.id)
    .set({
      ...doc,
      ...(typeof kept === 'number' ? { [SUPPORT_COUNT_FIELD]: kept } : {}),
      [TIMELINE_FIELD]: timeline,
      ...whole,
    });
  await writeSideEffects(tx, _, others, outbox);
  await addSupportsInTransaction(tx, supports);
  // A document from before the counters is not in them: its whole new contribution is added.
  await moveCounters(tx, _, strip<Opinion>(current), next, countedPart(current));
  return { _id: next.id, ...whole, timeline };
}

/**
 * Opinions on CloudBase. The opinion's _id is its id, which the service derives from
 * (submittedBy, requestId), so a retried submit finds the first one inside the transaction.
 * An opinion's timeline lines are in its own document (opinion-timeline.ts); they, outbox
 * messages and the counters (cloudbase-counters.ts) are written in the same transaction as the
 * change. Within one action (action-scope.ts) the timeline read or written with an opinion is
 * kept, so that showing the opinion after reading or changing it reads nothing more.
 */
export function createCloudbaseOpinionStore(db: Db, knownQuotas?: KnownQuotas): OpinionStore {
  const _ = db.command;
  const col = (name: CollectionName) => db.collection(name);

  const getDoc = <T>(name: CollectionName, id: string) => getDocument<T>(col(name), id);
  const counterReads = createCloudbaseCounterReads(db);
  const keepTimeline = (doc: Record<string, unknown>, lines: TimelineEvent[]) => {
    if (holdsWholeTimeline(doc)) keptTimelines(db)?.set(String(doc._id), lines);
  };

  /** The first opinion matching `where`, with its 附议 count; its timeline is kept for the action. */
  const findOpinion = async (where: Record<string, unknown>) => {
    const res = await col('opinions').where(where).limit(1).get();
    const doc = (res.data ?? [])[0] as Record<string, unknown> | undefined;
    if (doc) keepTimeline(doc, linesIn(doc));
    return (await opinionsFromDocs(db, res.data ?? []))[0] ?? null;
  };

  return {
    createOpinion: async (opinion, events, outbox, quota) => {
      // The day's quota first, by one write (quotas.ts). Given back if this call then writes
      // nothing (a retry of an opinion made already, or a failure).
      if (quota && !(await spendQuota(db, quota.key, quota.max, knownQuotas))) {
        const existing = await findOpinion({ _id: opinion.id });
        if (existing) return { created: false, opinion: retriedSubmission(existing, opinion) };
        throw new QuotaExceededError();
      }
      const { own, others } = splitLines(events, opinion.id);
      try {
        await runCountedTransaction(db, async (tx: Tx) => {
          // add() refuses an existing _id: a retried submit ends here, having written nothing,
          // without a read first (the same (submittedBy, requestId) gives the same id).
          const doc = { ...opinionDocument(opinion), [TIMELINE_FIELD]: own, [WHOLE_TIMELINE_FIELD]: true };
          await tx.collection('opinions').add({ _id: opinion.id, ...doc });
          await writeSideEffects(tx, _, others, outbox);
          await moveCounters(tx, _, null, opinion);
        });
      } catch (error) {
        if (quota) await returnQuota(db, quota.key);
        // Refused: if the opinion is there already, this was a retry of it.
        const existing = await findOpinion({ _id: opinion.id });
        if (existing) return { created: false, opinion: retriedSubmission(existing, opinion) };
        throw error;
      }
      keepTimeline({ _id: opinion.id, [WHOLE_TIMELINE_FIELD]: true }, own);
      forgetTimelinesOf(db, others);
      return { created: true, opinion };
    },
    getOpinion: (id) => findOpinion({ _id: id }),
    getOpinionByClaimCode: (code) => findOpinion({ claimCode: code }),
    updateOpinion: async (next, expected, events, outbox, supports = []) => {
      try {
        const { own, others } = splitLines(events, next.id);
        const written = await runCountedTransaction(db, async (tx: Tx) => {
          const current = txDocument<Record<string, unknown>>(await tx.collection('opinions').doc(next.id).get());
          if (!current || current.version !== expected) throw new RolledBack();
          return writeChange(tx, _, current, next, own, others, outbox, supports);
        });
        keepTimeline(written, written.timeline);
        forgetTimelinesOf(db, others);
        return true;
      } catch (error) {
        if (error instanceof RolledBack) return false;
        throw error;
      }
    },
    // Decided inside the transaction, after its one read: no read before it, and a change that
    // commits meanwhile conflicts with this one, which runTransaction then runs (and decides) again.
    changeOpinion: async (id, decide) => {
      try {
        const result = await runCountedTransaction(db, async (tx: Tx) => {
          const current = txDocument<Record<string, unknown>>(await tx.collection('opinions').doc(id).get());
          if (!current) return null;
          const opinion = (await opinionsFromDocs(db, [current]))[0]!;
          const write = await decide(opinion);
          if (!write) return { opinion, written: false, kept: { ...current, timeline: linesIn(current) }, others: [] };
          const { own, others } = splitLines(write.events, id);
          const kept = await writeChange(tx, _, current, write.next, own, others, write.outbox, write.supports ?? []);
          return { opinion: write.next, written: true, kept, others };
        });
        if (!result) return null;
        // Kept for the action once committed: showing the opinion after the change reads nothing more.
        keepTimeline(result.kept, result.kept.timeline);
        forgetTimelinesOf(db, result.others);
        return { opinion: result.opinion, written: result.written };
      } catch (error) {
        if (isConflict(error)) throw new OpinionConflictError();
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
        // A list shows no timeline: leave the lines on the server.
        .field({ [TIMELINE_FIELD]: false })
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
    // Kept by this action (the opinion was read or changed in it), or read with its document.
    listTimeline: async (opinionId) => {
      const kept = keptTimelines(db)?.get(opinionId);
      if (kept) return kept.map((line) => ({ ...line }));
      const res = await col('opinions').where({ _id: opinionId }).limit(1).get();
      const doc = (res.data ?? [])[0] as Record<string, unknown> | undefined;
      return doc ? timelineOfDocument(db, doc) : [];
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
    openFigureCounters: (keys, limit) => openFigureCounters(db, keys, limit),
  };
}
