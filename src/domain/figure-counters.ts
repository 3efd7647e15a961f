import { figureFields, NOT_COLLECTED, OPEN_STATUSES, type RawCounts, ZERO_COUNTS } from './figures';
import type { Opinion } from './opinion';
import type { Deputy, Station } from './station';

/*
 * The counters the stores keep beside the opinions, so that a report reads a few rows per month
 * instead of every opinion of the period (docs/SCALING.md): what one opinion adds to which
 * counter, and how a change of it moves them. Every write of an opinion moves them in its own
 * transaction — on SQLite by the triggers of migration 16 (figure counters and open-case counters,
 * `figureCounterChanges` and `openCaseChanges`), on CloudBase by `counterChanges` (the open case on
 * the figure counter); a recount from the opinions gives the same rows (`sumCounted`).
 */

/** The counts a figure counter holds: everything of RawCounts but overdue, which moves with today. */
export type CounterCounts = Omit<RawCounts, 'overdue'>;

/** The fields of CounterCounts, in RawCounts' order. */
export const COUNTER_FIELDS = [
  'collected',
  'replied',
  'onTime',
  'resolved',
  'ratedSatisfied',
  'ratedBasicallySatisfied',
  'ratedDissatisfied',
] as const satisfies ReadonlyArray<keyof CounterCounts>;

/** A counter nothing has moved yet: the report's zero counts, less the one counted from the open cases. */
export const ZERO_COUNTER: CounterCounts = (({ overdue: _overdue, ...rest }) => rest)(ZERO_COUNTS);

/**
 * Which figure counter an opinion is counted in: the month of its creation ('YYYY-MM', Asia/
 * Shanghai), its station, the deputy who holds it ('' for none) and its category — the four
 * groupings of reports.stats.
 */
export interface FigureCounterKey {
  month: string;
  stationId: string;
  deputyId: string;
  category: string;
}

/** A change to one counter: what to add (negative to take away). */
export interface FigureCounterChange {
  key: FigureCounterKey;
  counts: CounterCounts;
}

/**
 * What one opinion adds to the figure counters (the rules of figures.ts): 1 collected, and 1 in
 * each of replied, onTime, resolved and its rating when they hold. A withdrawn opinion adds
 * nothing (null): it was not collected.
 */
export function figureContribution(opinion: Opinion): FigureCounterChange | null {
  if (NOT_COLLECTED.includes(opinion.status)) return null;
  const f = figureFields(opinion);
  const flag = (b: boolean) => (b ? 1 : 0);
  return {
    key: {
      month: f.month,
      stationId: opinion.stationId,
      deputyId: opinion.assignedDeputyId ?? '',
      category: opinion.category,
    },
    counts: {
      collected: 1,
      replied: flag(f.repliedAt !== null),
      onTime: flag(f.repliedOnTime),
      resolved: flag(f.resolved),
      ratedSatisfied: flag(f.satisfaction === 'satisfied'),
      ratedBasicallySatisfied: flag(f.satisfaction === 'basically_satisfied'),
      ratedDissatisfied: flag(f.satisfaction === 'dissatisfied'),
    },
  };
}

/** One id per counter key, the same on every store: 'month:station:deputy:category'. */
export function figureCounterId(key: FigureCounterKey): string {
  return `${key.month}:${key.stationId}:${key.deputyId}:${key.category}`;
}

const isZero = (counts: CounterCounts) => COUNTER_FIELDS.every((f) => counts[f] === 0);

/**
 * The changes that take the counters from an opinion as it was (`before`, null when it is being
 * created) to as it is written (`after`): its old contribution taken away, its new one added,
 * merged into one change when both fall on the same key, and nothing for a change that moves no
 * counter (a note, a supporter) — so such a write touches no counter.
 */
export function figureCounterChanges(before: Opinion | null, after: Opinion | null): FigureCounterChange[] {
  return counterChanges(before, after)
    .filter((c) => !isZero(c.counts))
    .map(({ key, counts }) => ({ key, counts }));
}

/** A figure counter change that also carries the open cases the counter holds (`open`, ±). */
export interface CounterChange extends FigureCounterChange {
  open: number;
}

/** 1 when the opinion is an open case (openCaseOf), else 0. */
const openOf = (opinion: Opinion) => (openCaseOf(opinion) ? 1 : 0);

/**
 * figureCounterChanges for a store that keeps a deputy's open cases on the figure counters
 * themselves: an open case counts 1 in `open` of the counter its opinion is counted in (an open
 * case is always collected, and its deputy is the counter's), so routing adds up a station's
 * counters with open cases, and one write moves an opinion's figures and its open case together.
 * `beforeOpenCounted` false: the stored opinion's open case is not on its counter (written before
 * they were kept there), so nothing is taken away for it.
 */
export function counterChanges(
  before: Opinion | null,
  after: Opinion | null,
  beforeOpenCounted = true,
): CounterChange[] {
  const changes = new Map<string, CounterChange>();
  const add = (opinion: Opinion | null, sign: 1 | -1, withOpen: boolean) => {
    const contribution = opinion && figureContribution(opinion);
    if (!opinion || !contribution) return;
    const id = figureCounterId(contribution.key);
    const change = changes.get(id) ?? { key: contribution.key, counts: { ...ZERO_COUNTER }, open: 0 };
    for (const f of COUNTER_FIELDS) change.counts[f] += sign * contribution.counts[f];
    if (withOpen) change.open += sign * openOf(opinion);
    changes.set(id, change);
  };
  add(before, -1, beforeOpenCounted);
  add(after, 1, true);
  return [...changes.values()].filter((c) => !isZero(c.counts) || c.open !== 0);
}

/**
 * What a set of opinions adds up to on counters that keep the open cases (counterChanges), one
 * per key; `openCounted` says whose open case is on the counters (all, once every stored opinion
 * has been written or migrated since).
 */
export function sumCounted(
  opinions: readonly Opinion[],
  openCounted: (opinion: Opinion) => boolean = () => true,
): CounterChange[] {
  const sums = new Map<string, CounterChange>();
  for (const opinion of opinions) {
    for (const c of counterChanges(null, opinion)) {
      const id = figureCounterId(c.key);
      const sum = sums.get(id) ?? { key: c.key, counts: { ...ZERO_COUNTER }, open: 0 };
      for (const f of COUNTER_FIELDS) sum.counts[f] += c.counts[f];
      if (openCounted(opinion)) sum.open += c.open;
      sums.set(id, sum);
    }
  }
  return [...sums.values()];
}

/** A deputy's open cases at a station: what routing compares (countOpenByDeputy). */
export interface OpenCaseKey {
  stationId: string;
  deputyId: string;
}

export interface OpenCaseChange {
  key: OpenCaseKey;
  /** +1 or -1. */
  open: number;
}

/** The open-case counter an opinion counts in: assigned or transferred, held by a deputy; else null. */
export function openCaseOf(opinion: Opinion): OpenCaseKey | null {
  if (!OPEN_STATUSES.includes(opinion.status) || !opinion.assignedDeputyId) return null;
  return { stationId: opinion.stationId, deputyId: opinion.assignedDeputyId };
}

/** One id per open-case counter: 'station:deputy'. */
export function openCaseId(key: OpenCaseKey): string {
  return `${key.stationId}:${key.deputyId}`;
}

/**
 * The open-case counters a write moves: -1 where the opinion was open, +1 where it is open now;
 * nothing when it stays open with the same deputy (or stays closed).
 */
export function openCaseChanges(before: Opinion | null, after: Opinion | null): OpenCaseChange[] {
  const was = before && openCaseOf(before);
  const is = after && openCaseOf(after);
  if (was && is && openCaseId(was) === openCaseId(is)) return [];
  return [...(was ? [{ key: was, open: -1 }] : []), ...(is ? [{ key: is, open: 1 }] : [])];
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

// Months are counted with Date.UTC, not a date library: a report splits its period into up to
// hundreds of months on every call, and Asia/Shanghai keeps one offset all year (no summer time).
const yearAndMonth = (month: string) => [Number(month.slice(0, 4)), Number(month.slice(5, 7))] as const;
const monthText = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** 00:00 of the first day of `month` ('YYYY-MM'), Asia/Shanghai, as an instant. */
export function monthStartMs(month: string): number {
  const [year, m] = yearAndMonth(month);
  return Date.UTC(year, m - 1, 1) - SHANGHAI_OFFSET_MS;
}

/** The month ('YYYY-MM', Asia/Shanghai) an instant falls in. */
const monthOf = (ms: number) => {
  const shanghai = new Date(ms + SHANGHAI_OFFSET_MS);
  return monthText(shanghai.getUTCFullYear(), shanghai.getUTCMonth() + 1);
};
const nextMonth = (month: string) => {
  const [year, m] = yearAndMonth(month);
  return m === 12 ? monthText(year + 1, 1) : monthText(year, m + 1);
};

/** The instants of a month ('YYYY-MM'), Asia/Shanghai: [fromMs, toMs). */
export function monthInstants(month: string): { fromMs: number; toMs: number } {
  return { fromMs: monthStartMs(month), toMs: monthStartMs(nextMonth(month)) };
}

/** The month an instant falls in and the one after it (Asia/Shanghai): the months whose counters are opened. */
export function monthsToOpen(now: number): [string, string] {
  const month = monthOf(now);
  return [month, nextMonth(month)];
}

/**
 * The figure counters a month is opened with, ahead of its opinions: at every station, each of
 * its deputies in office and '' (held by none), in every category — the counters a new opinion
 * of the month lands in, so that its first change finds one to raise rather than creating it.
 */
export function openingKeys(
  month: string,
  stations: ReadonlyArray<Pick<Station, 'id'>>,
  deputies: ReadonlyArray<Pick<Deputy, 'id' | 'stationId' | 'active'>>,
  categories: readonly string[],
): FigureCounterKey[] {
  return stations.flatMap((station) =>
    ['', ...deputies.filter((d) => d.active && d.stationId === station.id).map((d) => d.id)].flatMap((deputyId) =>
      categories.map((category) => ({ month, stationId: station.id, deputyId, category })),
    ),
  );
}

/** A period of instants, [fromMs, toMs), cut where the counters can answer. */
export interface PeriodSplit {
  /** The months wholly inside the period, in order: their counters answer for them. */
  months: string[];
  /**
   * The rest, [fromMs, toMs) each: the part of a month before the first whole month and the part
   * after the last — at most two, each shorter than a month, counted from the opinions.
   */
  edges: Array<{ fromMs: number; toMs: number }>;
}

/**
 * The whole months of [fromMs, toMs) and the partial ones at its ends. A period of whole months
 * (every period of the public page, a year of the annual report) has no edge; a period inside
 * one month is a single edge.
 */
export function splitPeriod(fromMs: number, toMs: number): PeriodSplit {
  if (toMs <= fromMs) return { months: [], edges: [] };
  const firstMonth = monthOf(fromMs);
  const first = monthStartMs(firstMonth) === fromMs ? firstMonth : nextMonth(firstMonth);
  const months: string[] = [];
  for (let m = first; monthStartMs(nextMonth(m)) <= toMs; m = nextMonth(m)) months.push(m);
  if (months.length === 0) return { months, edges: [{ fromMs, toMs }] };
  const start = monthStartMs(months[0]!);
  const end = monthStartMs(nextMonth(months[months.length - 1]!));
  const edges = [...(fromMs < start ? [{ fromMs, toMs: start }] : []), ...(end < toMs ? [{ fromMs: end, toMs }] : [])];
  return { months, edges };
}

/** One counter whose stored counts differ from what its opinions add up to. */
export interface CounterDifference {
  counter: 'figure' | 'open';
  /** figureCounterId or openCaseId. */
  id: string;
  stored: Record<string, number>;
  recounted: Record<string, number>;
}

/** What reports.recount found (and, asked to, repaired) for one month and the open cases. */
export interface CounterRecount {
  month: string;
  /** The month's figure counters and the open-case counters compared. */
  checked: number;
  differences: CounterDifference[];
  /** True when the differences were written over with the recount. */
  repaired: boolean;
}

/**
 * Stored counters compared with a recount, both by id: how many counters were compared, and the
 * ones that differ. A counter absent on one side is all zeros there (a counter left at zero by
 * opinions that moved elsewhere is not a difference).
 */
export function compareCounters(
  counter: CounterDifference['counter'],
  stored: ReadonlyMap<string, Record<string, number>>,
  recounted: ReadonlyMap<string, Record<string, number>>,
): { checked: number; differences: CounterDifference[] } {
  const ids = [...new Set([...stored.keys(), ...recounted.keys()])].sort();
  const differences: CounterDifference[] = [];
  for (const id of ids) {
    const a = stored.get(id) ?? {};
    const b = recounted.get(id) ?? {};
    const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
    if ([...fields].some((f) => (a[f] ?? 0) !== (b[f] ?? 0)))
      differences.push({ counter, id, stored: a, recounted: b });
  }
  return { checked: ids.length, differences };
}
