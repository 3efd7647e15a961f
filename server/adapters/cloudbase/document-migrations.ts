import type { Opinion, Satisfaction } from '../../../src/domain/opinion';
import type { MigrationBudget, MigrationProgress, MigrationStatus } from '../../ports/document-migrations';
import { FIGURES_FIELD, figuresDocument } from './cloudbase-figures';
import { type AcceptancesDoc, creditsIn, withCredits } from './acceptances';
import type { CollectionName } from './collections';
import { countOpenCase, countUncounted } from './cloudbase-counters';
import { CONTACT_ENDED_FIELD, COUNTED_FIELD, LEGACY_COUNTED, PAGE, strip, txDocument } from './documents';
import { addToBallot, ballotId, type Ballot } from './evaluation-ballots';
import { inlineTimeline, WHOLE_TIMELINE_FIELD } from './opinion-timeline';
import { ENDED_STATUSES } from '../../../src/domain/personal-data';
import { OPEN_STATUSES } from '../../../src/domain/figures';
import { MAX_SUBSCRIPTION_CREDITS } from '../../../src/domain/subscribe-templates';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's query builder is untyped */
type Db = any;
type Command = any;
type Any = any;
type Doc = Record<string, unknown>;

interface MigrationStep {
  number: number;
  name: string;
  collection: CollectionName;
  /** The condition of a document that still needs this step. */
  pending(_: Command): Doc;
  /** Documents per page at most, when fewer than the run's. */
  pageSize?: number;
  /** Documents handled at once within a page (PARALLEL_WRITES unless set). */
  parallel?: number;
}

/** A step that writes fields into each pending document where it lies. */
export interface FieldMigration extends MigrationStep {
  /** The fields to write into one pending document, or null when it cannot be migrated. */
  change(doc: Doc): Doc | null;
  /** What must still hold of the document as read for the write to apply (e.g. its version). */
  unchanged(doc: Doc): Doc;
}

/**
 * A step that handles each pending document in its own transaction: moves it elsewhere (and
 * deletes it), or counts it into other documents and marks it.
 */
export interface MoveMigration extends MigrationStep {
  /** Handle one document; 1 if this call did, 0 if it was done already or cannot be. */
  move(db: Db, doc: Doc): Promise<number>;
}

/**
 * One numbered change to the documents of a collection. Never edit or renumber a released step:
 * add the next one. A step must be safe to apply to a document more than once and to skip.
 */
export type DocumentMigration = FieldMigration | MoveMigration;

const SATISFACTIONS: readonly string[] = ['satisfied', 'basically_satisfied', 'dissatisfied'];

/**
 * One old rating (`deputy_evaluations`, the voter beside the answer and its time) split into the
 * participation (who rated which deputy) and the deputy's ballot (the answer, no voter, no time),
 * then deleted, in one transaction: a rating read twice is moved once, since the second finds it gone.
 */
async function splitRating(db: Db, doc: Doc): Promise<number> {
  const { roundId, deputyId, voterOpenid, satisfaction, comment } = doc;
  if (typeof roundId !== 'string' || typeof deputyId !== 'string' || typeof voterOpenid !== 'string') return 0;
  if (typeof satisfaction !== 'string' || !SATISFACTIONS.includes(satisfaction)) return 0;
  const id = String(doc._id);
  return db.runTransaction(async (tx: Any) => {
    if (!txDocument(await tx.collection('deputy_evaluations').doc(id).get())) return 0;
    const participationId = `${roundId}_${deputyId}_${voterOpenid}`;
    const box = ballotId({ roundId, deputyId });
    if (!txDocument(await tx.collection('evaluation_participants').doc(participationId).get())) {
      const ballot = txDocument<Doc>(await tx.collection('evaluation_ballots').doc(box).get());
      const answer = {
        roundId,
        deputyId,
        satisfaction: satisfaction as Satisfaction,
        ...(typeof comment === 'string' && comment ? { comment } : {}),
      };
      await tx.collection('evaluation_participants').doc(participationId).set({ roundId, deputyId, voterOpenid });
      await tx
        .collection('evaluation_ballots')
        .doc(box)
        .set({ ...addToBallot(ballot ? strip<Ballot>(ballot) : undefined, answer) });
    }
    await tx.collection('deputy_evaluations').doc(id).remove();
    return 1;
  });
}

/**
 * One template's credit as kept before (a `subscriptions` document `<openid>_<templateId>`)
 * added into its person's `acceptances` document, at most MAX_SUBSCRIPTION_CREDITS, and deleted,
 * in one transaction: a credit read twice is added once, since the second finds it gone.
 */
async function foldCredit(db: Db, doc: Doc): Promise<number> {
  const { openid, templateId, credits } = doc;
  if (typeof openid !== 'string' || typeof templateId !== 'string') return 0;
  const id = String(doc._id);
  return db.runTransaction(async (tx: Any) => {
    if (!txDocument(await tx.collection('subscriptions').doc(id).get())) return 0;
    const ref = tx.collection('acceptances').doc(openid);
    const held = creditsIn(txDocument<AcceptancesDoc>(await ref.get()));
    const kept = typeof credits === 'number' && credits > 0 ? credits : 0;
    await ref.set({ credits: withCredits(held, templateId, kept, MAX_SUBSCRIPTION_CREDITS) });
    await tx.collection('subscriptions').doc(id).remove();
    return 1;
  });
}

/**
 * The CloudBase document migrations, in order. 1: opinions gain `figures` (cloudbase-figures.ts),
 * what reports.stats adds up (an opinion without it counts as collected only). 2: the ratings of
 * 代表述职评议 move out of `deputy_evaluations`, which held the voter beside the answer, into
 * participations and anonymous ballots (evaluation-ballots.ts). 3: `contactEndedAt` for the
 * retention job. 4: each opinion written before the counters is counted in them once
 * (cloudbase-counters.ts); until then reports.stats and routing do not see it. 5: an opinion's
 * timeline moves into its document. 6: an open case counted apart moves onto its figure counter.
 * 7: subscription credits, one document per template, fold into one per person (`acceptances`);
 * until then the outbox does not find them and records such messages as not_subscribed.
 */
export const DOCUMENT_MIGRATIONS: readonly DocumentMigration[] = [
  {
    number: 1,
    name: '意见补写统计字段（figures）',
    collection: 'opinions',
    pending: (_) => ({ [FIGURES_FIELD]: _.exists(false) }),
    change: (doc) =>
      typeof doc.createdAt === 'number' && typeof doc.status === 'string'
        ? { [FIGURES_FIELD]: figuresDocument(strip<Opinion>(doc)) }
        : null,
    // A change committed since the read carries its own figures (or, from an older release still
    // running, a new version): either way this write must not land on it.
    unchanged: (doc) => (doc.version === undefined ? {} : { version: doc.version }),
  },
  {
    number: 2,
    name: '述职评议拆分为参与记录与匿名选票',
    collection: 'deputy_evaluations',
    // every rating still in the old collection: each is deleted once moved
    pending: (_) => ({ _id: _.exists(true) }),
    move: splitRating,
  },
  {
    number: 3,
    name: '已结束意见补写联系方式保存起点（contactEndedAt）',
    collection: 'opinions',
    // Opinions that ended holding a contact before the retention job existed: without the field
    // the job never finds them.
    pending: (_) => ({
      status: _.in([...ENDED_STATUSES]),
      contact: _.exists(true),
      [CONTACT_ENDED_FIELD]: _.exists(false),
    }),
    change: (doc) => (typeof doc.updatedAt === 'number' ? { [CONTACT_ENDED_FIELD]: doc.updatedAt } : null),
    unchanged: (doc) => ({ version: doc.version }),
  },
  {
    number: 4,
    name: '意见计入统计计数器（figure_counters）',
    collection: 'opinions',
    pending: (_) => ({ [COUNTED_FIELD]: _.exists(false) }),
    move: countUncounted,
    // One at a time: opinions of a month and station share counters, so transactions counting
    // them side by side would conflict. 50 such transactions fit well within a call.
    parallel: 1,
    pageSize: 50,
  },
  {
    number: 5,
    name: '意见时间线移入意见本身（timeline）',
    collection: 'opinions',
    pending: (_) => ({ [WHOLE_TIMELINE_FIELD]: _.exists(false) }),
    move: inlineTimeline,
    // Each reads its lines, then writes in a transaction: a page of 50 fits well within a call.
    pageSize: 50,
  },
  {
    number: 6,
    name: '在办意见计入统计计数器的在办数（figure_counters.open）',
    collection: 'opinions',
    // The open cases counted while they were kept apart (open_case_counters, now retired): a
    // closed one has no open case to move, and its next change marks it anyway.
    pending: (_) => ({ [COUNTED_FIELD]: LEGACY_COUNTED, status: _.in([...OPEN_STATUSES]) }),
    move: countOpenCase,
    // One at a time, as step 4: opinions of a month and station share a counter.
    parallel: 1,
    pageSize: 50,
  },
  {
    number: 7,
    name: '订阅消息授权次数并入每人一份记录（acceptances）',
    collection: 'subscriptions',
    // every credit still kept a document per template: each is deleted once folded in
    pending: (_) => ({ _id: _.exists(true) }),
    move: foldCredit,
    // One at a time: a person's credits of several templates go into one document.
    parallel: 1,
    pageSize: 50,
  },
];

/** The markers document holding the progress: the steps completed and where the current one is. */
export const MIGRATION_MARKER = 'document-migrations';

/** Documents per page: well under the 1,000 a query returns, so one page's writes fit in a few seconds. */
export const MIGRATION_PAGE = 200;

/** Conditional writes in flight at once within a page. */
const PARALLEL_WRITES = 10;

interface Marker {
  /** Every step up to this number has run to the end of its collection. */
  completed: number;
  /** The last _id of the current step that a finished page went past, or null at its start. */
  cursor: string | null;
  /** Documents the current pass over the collection changed so far. */
  passChanged: number;
}

/**
 * Apply the pending migrations, a page at a time, until done or out of budget. A page reads up to
 * `pageSize` pending documents after the stored cursor, in _id order, and writes each one with a
 * condition that it is still pending and unchanged since read — so a document is never migrated
 * twice, and a run that overlaps another or repeats a page changes nothing more. The marker
 * (step and cursor) is saved after every page: a run cut off by its function's timeout loses at
 * most the page it was on, and the next run continues from the marker. When a pass reaches the
 * end, documents still pending (written meanwhile by an older release) get another pass, as long
 * as the last pass changed something; the step is then complete.
 */
export async function runDocumentMigrations(
  db: Db,
  budget: MigrationBudget = {},
  migrations: readonly DocumentMigration[] = DOCUMENT_MIGRATIONS,
): Promise<MigrationProgress> {
  const _ = db.command;
  const pageSize = Math.max(1, Math.min(budget.pageSize ?? MIGRATION_PAGE, PAGE));
  const markerDoc = db.collection('markers').doc(MIGRATION_MARKER);
  const saved = ((await db.collection('markers').where({ _id: MIGRATION_MARKER }).limit(1).get()).data ?? [])[0] as
    (Partial<Marker> & Doc) | undefined;
  let marker: Marker = {
    completed: typeof saved?.completed === 'number' ? saved.completed : 0,
    cursor: typeof saved?.cursor === 'string' ? saved.cursor : null,
    passChanged: typeof saved?.passChanged === 'number' ? saved.passChanged : 0,
  };
  const save = async (next: Marker) => {
    marker = next;
    await markerDoc.set({ ...next });
  };
  const changed = new Map<number, number>();
  let pages = 0;
  const stop = () => (budget.maxPages !== undefined && pages >= budget.maxPages) || (budget.outOfTime?.() ?? false);

  const migrateOne = async (m: DocumentMigration, doc: Doc): Promise<number> => {
    if ('move' in m) return m.move(db, doc);
    const fields = m.change(doc);
    if (!fields) return 0;
    const res = await db
      .collection(m.collection)
      .where({ ...m.pending(_), ...m.unchanged(doc), _id: doc._id })
      .update(fields);
    return Number(res.updated ?? 0);
  };

  for (const m of migrations) {
    if (m.number <= marker.completed) continue;
    while (marker.completed < m.number && !stop()) {
      const where = { ...m.pending(_), ...(marker.cursor === null ? {} : { _id: _.gt(marker.cursor) }) };
      const size = Math.min(pageSize, m.pageSize ?? PAGE);
      const parallel = m.parallel ?? PARALLEL_WRITES;
      const res = await db.collection(m.collection).where(where).orderBy('_id', 'asc').limit(size).get();
      const docs = (res.data ?? []) as Doc[];
      let n = 0;
      for (let i = 0; i < docs.length; i += parallel) {
        const written = await Promise.all(docs.slice(i, i + parallel).map((doc) => migrateOne(m, doc)));
        n += written.reduce((a, b) => a + b, 0);
      }
      pages += 1;
      changed.set(m.number, (changed.get(m.number) ?? 0) + n);
      const passChanged = marker.passChanged + n;
      if (docs.length === size) {
        await save({ completed: marker.completed, cursor: String(docs[docs.length - 1]!._id), passChanged });
        continue;
      }
      const left = Number((await db.collection(m.collection).where(m.pending(_)).count()).total ?? 0);
      await save(
        left > 0 && passChanged > 0
          ? { completed: marker.completed, cursor: null, passChanged: 0 }
          : { completed: m.number, cursor: null, passChanged: 0 },
      );
    }
    if (marker.completed < m.number) break;
  }

  const statuses: MigrationStatus[] = [];
  for (const m of migrations) {
    const remaining = Number((await db.collection(m.collection).where(m.pending(_)).count()).total ?? 0);
    statuses.push({
      number: m.number,
      name: m.name,
      state: m.number <= marker.completed ? 'done' : 'pending',
      changed: changed.get(m.number) ?? 0,
      remaining,
    });
  }
  return {
    done: statuses.every((s) => s.state === 'done'),
    changed: statuses.reduce((a, s) => a + s.changed, 0),
    remaining: statuses.reduce((a, s) => a + s.remaining, 0),
    migrations: statuses,
  };
}
