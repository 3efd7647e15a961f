import {
  COUNTER_FIELDS,
  compareCounters,
  countOpenCases,
  type CounterRecount,
  figureCounterChanges,
  figureCounterId,
  monthInstants,
  openCaseChanges,
  openCaseId,
  sumContributions,
  ZERO_COUNTER,
} from '../../../src/domain/figure-counters';
import { OPEN_STATUSES } from '../../../src/domain/figures';
import type { Opinion } from '../../../src/domain/opinion';
import { AppError } from '../../../src/domain/errors';
import type { FigureGrouping } from '../../ports/figure-query';
import type { CounterRow, FigureFilters, FigureSources } from '../figure-counting';
import { COUNTED_FIELD, PAGE, readAll, strip, txDocument } from './documents';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's query builder is untyped */
type Db = any;
type Tx = any;
type Command = any;
type Doc = Record<string, unknown>;

/*
 * The counters on CloudBase (src/domain/figure-counters.ts): `figure_counters` (one document
 * per creation month, station, deputy and category, _id figureCounterId) and
 * `open_case_counters` (one per station and deputy, _id openCaseId), moved inside the
 * transaction of every create and update of an opinion.
 */

/** Rounds of runTransaction (each up to 4 tries) a write that moves counters gets. */
const COUNTER_ROUNDS = 5;

const isConflict = (error: unknown) =>
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
 * Move the counters from an opinion as stored (`before`: null when it is being created, or when
 * its document was never counted) to `after`, inside the transaction that writes it. A change
 * that moves no count writes nothing here.
 */
export async function moveCounters(tx: Tx, _: Command, before: Opinion | null, after: Opinion | null): Promise<void> {
  for (const c of figureCounterChanges(before, after)) {
    const nonzero = Object.fromEntries(COUNTER_FIELDS.filter((f) => c.counts[f] !== 0).map((f) => [f, c.counts[f]]));
    await bump(tx, _, 'figure_counters', figureCounterId(c.key), { ...c.key }, nonzero, ZERO_COUNTER);
  }
  for (const c of openCaseChanges(before, after)) {
    await bump(tx, _, 'open_case_counters', openCaseId(c.key), { ...c.key }, { open: c.open }, { open: 0 });
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
    if (!current || current[COUNTED_FIELD] === true) return 0;
    if (typeof current.createdAt !== 'number' || typeof current.status !== 'string') return 0;
    await moveCounters(tx, db.command, null, strip<Opinion>(current));
    await tx
      .collection('opinions')
      .doc(id)
      .update({ [COUNTED_FIELD]: true });
    return 1;
  });
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
    // One read of the station's counters: routing's cost does not grow with the opinions.
    countOpenByDeputy: async (stationId: string) => {
      const res = await db
        .collection('open_case_counters')
        .where({ stationId, open: _.gt(0) })
        .limit(PAGE)
        .get();
      return new Map(((res.data ?? []) as Doc[]).map((d) => [String(d.deputyId), Number(d.open)]));
    },
  };
}

const countsOf = (doc: Doc, fields: readonly string[]) =>
  Object.fromEntries(fields.map((f) => [f, Number(doc[f] ?? 0)]));
const same = (a: Doc, b: Doc, fields: readonly string[]) =>
  fields.every((f) => Number(a[f] ?? 0) === Number(b[f] ?? 0));

/**
 * The month's figure counters and the open-case counters compared with a recount of the counted
 * opinions. The counters are read before and after the opinions: if any moved meanwhile (a
 * change was being written), nothing is repaired and the caller is asked to try again; each
 * repair is a transaction that writes a counter only if it still holds what was compared.
 */
export async function recountCloudbaseCounters(db: Db, month: string, repair: boolean): Promise<CounterRecount> {
  const _ = db.command;
  const { fromMs, toMs } = monthInstants(month);
  const readCounters = async () => ({
    figure: await readAll<Doc>(db, 'figure_counters', { month }),
    open: await readAll<Doc>(db, 'open_case_counters'),
  });
  const withIds = (docs: Doc[], id: (d: Doc) => string) => new Map(docs.map((d) => [id(d), d]));
  const figureId = (d: Doc) =>
    figureCounterId({
      month,
      stationId: String(d.stationId),
      deputyId: String(d.deputyId),
      category: String(d.category),
    });
  const openId = (d: Doc) => openCaseId({ stationId: String(d.stationId), deputyId: String(d.deputyId) });

  const before = await readCounters();
  const ofMonth = await readAll<Opinion>(db, 'opinions', {
    createdAt: _.gte(fromMs).and(_.lt(toMs)),
    [COUNTED_FIELD]: true,
  });
  const open = await readAll<Opinion>(db, 'opinions', { status: _.in([...OPEN_STATUSES]), [COUNTED_FIELD]: true });
  const after = await readCounters();

  const stored = {
    figure: withIds(after.figure, figureId),
    open: withIds(after.open, openId),
  };
  const moved =
    before.figure.length !== after.figure.length ||
    before.open.length !== after.open.length ||
    before.figure.some((d) => !same(d, stored.figure.get(figureId(d)) ?? {}, COUNTER_FIELDS)) ||
    before.open.some((d) => !same(d, stored.open.get(openId(d)) ?? {}, ['open']));

  const recounted = {
    figure: new Map(sumContributions(ofMonth).map((c) => [figureCounterId(c.key), { ...c.key, ...c.counts }])),
    open: new Map(countOpenCases(open).map((c) => [openCaseId(c.key), { ...c.key, open: c.open }])),
  };
  const fields = { figure: COUNTER_FIELDS as readonly string[], open: ['open'] };
  const asCounts = (docs: Map<string, Doc>, f: readonly string[]) =>
    new Map([...docs].map(([id, d]) => [id, countsOf(d, f)]));
  const figures = compareCounters(
    'figure',
    asCounts(stored.figure, fields.figure),
    asCounts(recounted.figure, fields.figure),
  );
  const opens = compareCounters('open', asCounts(stored.open, fields.open), asCounts(recounted.open, fields.open));
  const differences = [...figures.differences, ...opens.differences];
  const result = { month, checked: figures.checked + opens.checked, differences, repaired: false };
  if (differences.length === 0) return result;
  // What was read may be half before and half after a change: nothing to conclude from it.
  if (moved) throw new AppError('CONFLICT', '统计数据正在变动，请稍后再试');
  if (!repair) return result;

  for (const d of differences) {
    const name = d.counter === 'figure' ? 'figure_counters' : 'open_case_counters';
    const f = fields[d.counter];
    const target = (d.counter === 'figure' ? recounted.figure : recounted.open).get(d.id);
    const zero = Object.fromEntries(f.map((x) => [x, 0]));
    const key: Doc = { ...((d.counter === 'figure' ? stored.figure : stored.open).get(d.id) ?? {}), ...target };
    await db.runTransaction(async (tx: Tx) => {
      const current = txDocument<Doc>(await tx.collection(name).doc(d.id).get()) ?? {};
      if (!same(current, d.stored, f)) throw new AppError('CONFLICT', '统计数据正在变动，请稍后再试');
      await tx
        .collection(name)
        .doc(d.id)
        .set({ ...strip<Doc>(key), ...zero, ...(target ? countsOf(target, f) : {}) });
    });
  }
  return { ...result, repaired: true };
}
