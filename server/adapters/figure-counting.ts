import { COUNTER_FIELDS, type CounterCounts, splitPeriod } from '../../src/domain/figure-counters';
import { type RawCounts, ZERO_COUNTS } from '../../src/domain/figures';
import type { FigureGrouping, FigureQuery, FigureRow } from '../ports/figure-query';

/** The filters of a figure query, without its period. */
export type FigureFilters = Pick<FigureQuery, 'stationId' | 'deputyId' | 'category'>;

/** A row of summed counters: one group (key '' when not grouped). */
export interface CounterRow {
  key: string;
  counts: CounterCounts;
}

/** What a store reads to answer a figure query; each answers one row per group it found. */
export interface FigureSources {
  /** The figure counters of the months `first`..`last` ('YYYY-MM', both included) summed. */
  counters(first: string, last: string, filters: FigureFilters, groupBy?: FigureGrouping): Promise<CounterRow[]>;
  /** The opinions of a part of a month counted one by one (the store's old count; its overdue is ignored). */
  opinions(query: FigureQuery, groupBy?: FigureGrouping): Promise<FigureRow[]>;
  /** The open cases created in the period and due before `today`: the only count that moves with the day. */
  overdue(query: FigureQuery, groupBy?: FigureGrouping): Promise<Array<{ key: string; overdue: number }>>;
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * countFigures and countFiguresBy from counters: the period's whole months summed from the
 * figure counters, the partial months at its ends (at most two, each under a month) counted from
 * the opinions, overdue from the open cases. The answer is the count of the opinions themselves,
 * and its cost grows with the months and the backlog, not with the opinions of the years.
 */
export function figuresFromSources(sources: FigureSources) {
  const count = async (query: FigureQuery, groupBy?: FigureGrouping): Promise<FigureRow[]> => {
    const { months, edges } = splitPeriod(query.fromMs, query.toMs);
    const filters: FigureFilters = {
      ...(query.stationId !== undefined ? { stationId: query.stationId } : {}),
      ...(query.deputyId !== undefined ? { deputyId: query.deputyId } : {}),
      ...(query.category !== undefined ? { category: query.category } : {}),
    };
    const [counted, edgeRows, overdue] = await Promise.all([
      months.length > 0 ? sources.counters(months[0]!, months[months.length - 1]!, filters, groupBy) : [],
      Promise.all(edges.map((edge) => sources.opinions({ ...query, ...edge }, groupBy))),
      sources.overdue(query, groupBy),
    ]);
    const rows = new Map<string, RawCounts>();
    const row = (key: string) => {
      let counts = rows.get(key);
      if (!counts) rows.set(key, (counts = { ...ZERO_COUNTS }));
      return counts;
    };
    for (const r of [...counted, ...edgeRows.flat()]) {
      const counts = row(r.key);
      for (const f of COUNTER_FIELDS) counts[f] += r.counts[f];
    }
    for (const r of overdue) row(r.key).overdue += r.overdue;
    // A counter whose opinions all went elsewhere stays at zero: a group with nothing collected
    // is not a row (overdue opinions are collected, so no overdue is lost).
    return [...rows]
      .filter(([, counts]) => counts.collected !== 0)
      .map(([key, counts]) => ({ key, counts }))
      .sort(byKey);
  };
  return {
    countFigures: async (query: FigureQuery): Promise<RawCounts> => {
      const counts = { ...ZERO_COUNTS };
      for (const r of await count(query))
        for (const f of Object.keys(counts) as Array<keyof RawCounts>) counts[f] += r.counts[f];
      return counts;
    },
    countFiguresBy: (query: FigureQuery, groupBy: FigureGrouping): Promise<FigureRow[]> => count(query, groupBy),
  };
}
