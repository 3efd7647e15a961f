import {
  COUNTER_FIELDS,
  compareCounters,
  type CounterRecount,
  counterChanges,
  type FigureCounterKey,
  figureContribution,
  figureCounterId,
  monthInstants,
  openCaseOf,
  sumCounted,
  ZERO_COUNTER,
} from '../../../src/domain/figure-counters';
import type { Opinion } from '../../../src/domain/opinion';
import { AppError } from '../../../src/domain/errors';
import type { FigureGrouping } from '../../ports/figure-query';
import type { CounterRow, FigureFilters, FigureSources } from '../figure-counting';
import { COUNTED_FIELD, COUNTED_WITH_OPEN, LEGACY_COUNTED, readAll, strip, txDocument } from './documents';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's query builder is untyped */
type Db = any;
type Tx = any;
type Command = any;
type Doc = Record<string, unknown>;

/*
 * The counters on CloudBase (src/domain/figure-counters.ts): `figure_counters`, one document per
 * creation month, station, deputy and category (_id figureCounterId), holding its figures and
 * its open cases (`open`, counterChanges), moved inside the transaction of every create and
 * update of an opinion: one `inc` per counter an opinion's write moves, figures and open case
 * together. Routing adds up `open` over the station's counters that have any.
 */

/** The fields of a figure counter document: the figures and the open cases. */
const FIELDS: readonly string[] = [...COUNTER_FIELDS, 'open'];
const ZERO: Record<string, number> = { ...ZERO_COUNTER, open: 0 };

/** The id of a stored counter document of `month`, from its key fields. */
const storedCounterId = (month: string, d: Doc) =>
  figureCounterId({
    month,
    stationId: String(d.stationId),
    deputyId: String(d.deputyId),
    category: String(d.category),
  });

/** Rounds of runTransaction (each up to 4 tries) a write that moves counters gets. */
const COUNTER_ROUNDS = 5;

export const isConflict = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'DATABASE_TRANSACTION_CONFLICT';

/**
 * Run a transaction that moves counters. Writes at one station in one month share a counter
 * document, so parallel ones conflict, and the SDK runs a conflicting callback again at once —
 * parallel writers in step with each other, one of them winning each time. Between rounds of
 * that, this waits a random moment, longer each round, so that they fall out of step.
 */
export async function runCountedTransaction<T>(db: Db, callback: (tx: Tx) => Promise<T>): Promise<T> {
  for (let round = 1; ; round += 1) {
    try {
      return (await db.runTransaction(callback)) as T;
    } catch (error) {
      if (!isConflict(error) || round >= COUNTER_ROUNDS) throw error;
      await new Promise((done) => setTimeout(done, Math.random() * 20 * round));
    }
  }
}

/**
 * Add `increments` to one counter inside a transaction. An atomic `inc` needs no read; on the
 * counter's first use (nothing updated) the document is created with the increments. Two
 * transactions creating the same counter write the same document, so CloudBase lets one commit
 * and fails the other with a conflict, which runTransaction runs again: it then finds the
 * document and increments it. No increment is lost or counted twice.
 */
async function bump(
  tx: Tx,
  _: Command,
  name: string,
  id: string,
  key: Doc,
  increments: Record<string, number>,
  zero: Doc,
) {
  const inc = Object.fromEntries(Object.entries(increments).map(([f, n]) => [f, _.inc(n)]));
  const res = await tx.collection(name).doc(id).update(inc);
  if (Number(res?.updated ?? 0) === 0)
    await tx
      .collection(name)
      .doc(id)
      .set({ ...key, ...zero, ...increments });
}

/**
 * How much of a stored opinion document the counters hold: nothing (written before the counters,
 * until document migration 4 counts it), its figures only (LEGACY_COUNTED: its open case was
 * kept apart until document migration 6 moves it), or both (COUNTED_WITH_OPEN).
 */
export function countedPart(doc: Record<string, unknown>): 'none' | 'figures' | 'all' {
  if (doc[COUNTED_FIELD] === COUNTED_WITH_OPEN) return 'all';
  return doc[COUNTED_FIELD] === LEGACY_COUNTED ? 'figures' : 'none';
}

/**
 * Move the counters from an opinion as stored (`before`: null when it is being created) to
 * `after`, inside the transaction that writes it; `counted` says how much of `before` the
 * counters hold (countedPart). A change that moves no count writes nothing here.
 */
export async function moveCounters(
  tx: Tx,
  _: Command,
  before: Opinion | null,
  after: Opinion | null,
  counted: 'none' | 'figures' | 'all' = 'all',
): Promise<void> {
  for (const c of counterChanges(counted === 'none' ? null : before, after, counted === 'all')) {
    const moved: Record<string, number> = { ...c.counts, open: c.open };
    const nonzero = Object.fromEntries(FIELDS.filter((f) => moved[f] !== 0).map((f) => [f, moved[f]!]));
    await bump(tx, _, 'figure_counters', figureCounterId(c.key), { ...c.key }, nonzero, ZERO);
  }
}

/**
 * Count one opinion written before the counters (document migration 4): in one transaction its
 * document is read again, and if still uncounted its contribution is added and it is marked,
 * so an opinion read twice, or updated meanwhile, is counted once. 1 if this call counted it.
 */
export async function countUncounted(db: Db, doc: Doc): Promise<number> {
  const id = String(doc._id);
  return runCountedTransaction(db, async (tx: Tx) => {
    const current = txDocument<Doc>(await tx.collection('opinions').doc(id).get());
    if (!current || countedPart(current) !== 'none') return 0;
    if (typeof current.createdAt !== 'number' || typeof current.status !== 'string') return 0;
    await moveCounters(tx, db.command, null, strip<Opinion>(current));
    await tx
      .collection('opinions')
      .doc(id)
      .update({ [COUNTED_FIELD]: COUNTED_WITH_OPEN });
    return 1;
  });
}

/**
 * Put the open case of one opinion counted before the counters kept open cases (document
 * migration 6) on its figure counter: in one transaction the document is read again and, if its
 * open case is still not there, 1 is added to `open` of its counter (when it is open) and it is
 * marked, so an opinion read twice, or updated meanwhile, is counted once. 1 if this call marked it.
 */
export async function countOpenCase(db: Db, doc: Doc): Promise<number> {
  const id = String(doc._id);
  return runCountedTransaction(db, async (tx: Tx) => {
    const current = txDocument<Doc>(await tx.collection('opinions').doc(id).get());
    if (!current || countedPart(current) !== 'figures') return 0;
    const opinion = strip<Opinion>(current);
    // An open case is always collected: its counter is the one its figures are on.
    const counted = figureContribution(opinion);
    if (openCaseOf(opinion) && counted) {
      await bump(
        tx,
        db.command,
        'figure_counters',
        figureCounterId(counted.key),
        { ...counted.key },
        { open: 1 },
        ZERO,
      );
    }
    await tx
      .collection('opinions')
      .doc(id)
      .update({ [COUNTED_FIELD]: COUNTED_WITH_OPEN });
    return 1;
  });
}

/** Counters created at once while opening a month's: a page of them in a second or so. */
const OPENING_IN_FLIGHT = 20;

/**
 * Create the counters of `keys` that are not there yet, at zero, at most `limit` of them: one
 * read per month (per 1,000 counters) for the ones there, then one `add` each, 20 at a time. An `add` never
 * overwrites: a counter an opinion's change created meanwhile is left as it is (that change's
 * transaction, had it found nothing, wrote the document whole; had it found this one at zero, it
 * raised it). How many this call created.
 */
export async function openFigureCounters(db: Db, keys: readonly FigureCounterKey[], limit: number): Promise<number> {
  const there = new Set<string>();
  for (const month of new Set(keys.map((k) => k.month))) {
    for (const d of await readAll<Doc>(db, 'figure_counters', { month })) there.add(storedCounterId(month, d));
  }
  const missing = keys.filter((k) => !there.has(figureCounterId(k))).slice(0, limit);
  let opened = 0;
  for (let i = 0; i < missing.length; i += OPENING_IN_FLIGHT) {
    await Promise.all(
      missing.slice(i, i + OPENING_IN_FLIGHT).map(async (key) => {
        const id = figureCounterId(key);
        try {
          await db.collection('figure_counters').add({ _id: id, ...key, ...ZERO });
          opened += 1;
        } catch (error) {
          // Refused because a change created it meanwhile: it counts from there. Anything else is an error.
          if ((await db.collection('figure_counters').where({ _id: id }).count()).total === 0) throw error;
        }
      }),
    );
  }
  return opened;
}

const FIELD_OF: Record<FigureGrouping, string> = {
  station: '$stationId',
  deputy: '$deputyId',
  category: '$category',
  month: '$month',
};

/** Groups one report may have at most (stations, deputies, 9 categories, 37 months): well within it. */
const MAX_GROUPS = 1000;

/** The counter reads of figure-counting.ts on CloudBase, and the open cases for routing. */
export function createCloudbaseCounterReads(db: Db): Pick<FigureSources, 'counters'> & {
  countOpenByDeputy(stationId: string): Promise<Map<string, number>>;
} {
  const _ = db.command;
  const $ = _.aggregate;
  return {
    counters: async (first: string, last: string, filters: FigureFilters, groupBy?: FigureGrouping) => {
      const match: Doc = { month: first === last ? first : _.gte(first).and(_.lte(last)) };
      if (filters.stationId !== undefined) match.stationId = filters.stationId;
      if (filters.deputyId !== undefined) match.deputyId = filters.deputyId;
      if (filters.category !== undefined) match.category = filters.category;
      const sums = Object.fromEntries(COUNTER_FIELDS.map((f) => [f, $.sum(`$${f}`)]));
      const res = await db
        .collection('figure_counters')
        .aggregate()
        .match(match)
        .group({ _id: groupBy ? FIELD_OF[groupBy] : null, ...sums })
        .limit(MAX_GROUPS)
        .end();
      return ((res.data ?? []) as Doc[]).map((row): CounterRow => ({
        key: row._id === null || row._id === undefined ? '' : String(row._id),
        counts: Object.fromEntries(COUNTER_FIELDS.map((f) => [f, Number(row[f] ?? 0)])) as CounterRow['counts'],
      }));
    },
    // One aggregation over the station's counters that hold open cases (a few per deputy with a
    // backlog, whatever the opinions of the years): routing's cost does not grow with them.
    countOpenByDeputy: async (stationId: string) => {
      const res = await db
        .collection('figure_counters')
        .aggregate()
        .match({ stationId, open: _.gt(0) })
        .group({ _id: '$deputyId', open: $.sum('$open') })
        .limit(MAX_GROUPS)
        .end();
      return new Map(((res.data ?? []) as Doc[]).map((d) => [String(d._id), Number(d.open)]));
    },
  };
}

const countsOf = (doc: Doc) => Object.fromEntries(FIELDS.map((f) => [f, Number(doc[f] ?? 0)]));
const same = (a: Doc, b: Doc) => FIELDS.every((f) => Number(a[f] ?? 0) === Number(b[f] ?? 0));

/**
 * The month's figure counters, open cases included, compared with a recount of its counted
 * opinions (an opinion whose open case is not on the counters yet, before document migration 6
 * reaches it, counts for its figures only). The counters are read before and after the opinions:
 * if any moved meanwhile (a change was being written), nothing is repaired and the caller is
 * asked to try again; each repair is a transaction that writes a counter only if it still holds
 * what was compared.
 */
export async function recountCloudbaseCounters(db: Db, month: string, repair: boolean): Promise<CounterRecount> {
  const _ = db.command;
  const { fromMs, toMs } = monthInstants(month);
  const readCounters = () => readAll<Doc>(db, 'figure_counters', { month });
  const idOf = (d: Doc) => storedCounterId(month, d);

  const before = await readCounters();
  const ofMonth = (counted: unknown) =>
    readAll<Opinion>(db, 'opinions', { createdAt: _.gte(fromMs).and(_.lt(toMs)), [COUNTED_FIELD]: counted });
  const withOpen = await ofMonth(COUNTED_WITH_OPEN);
  const figuresOnly = await ofMonth(LEGACY_COUNTED);
  const after = await readCounters();

  const stored = new Map(after.map((d) => [idOf(d), d]));
  const moved = before.length !== after.length || before.some((d) => !same(d, stored.get(idOf(d)) ?? {}));
  const openOnCounters = new Set(withOpen.map((o) => o.id));
  const recounted = new Map(
    sumCounted([...withOpen, ...figuresOnly], (o) => openOnCounters.has(o.id)).map((c) => [
      figureCounterId(c.key),
      { ...c.key, ...c.counts, open: c.open } as Doc,
    ]),
  );
  const asCounts = (docs: Map<string, Doc>) => new Map([...docs].map(([id, d]) => [id, countsOf(d)]));
  const { checked, differences } = compareCounters('figure', asCounts(stored), asCounts(recounted));
  const result = { month, checked, differences, repaired: false };
  if (differences.length === 0) return result;
  // What was read may be half before and half after a change: nothing to conclude from it.
  if (moved) throw new AppError('CONFLICT', '统计数据正在变动，请稍后再试');
  if (!repair) return result;

  for (const d of differences) {
    const target = recounted.get(d.id);
    const key: Doc = { ...(stored.get(d.id) ?? {}), ...target };
    await db.runTransaction(async (tx: Tx) => {
      const current = txDocument<Doc>(await tx.collection('figure_counters').doc(d.id).get()) ?? {};
      if (!same(current, d.stored)) throw new AppError('CONFLICT', '统计数据正在变动，请稍后再试');
      await tx
        .collection('figure_counters')
        .doc(d.id)
        .set({ ...strip<Doc>(key), ...ZERO, ...(target ? countsOf(target) : {}) });
    });
  }
  return { ...result, repaired: true };
}
