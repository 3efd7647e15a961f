import type { FigureGrouping, FigureRow } from '../../server/ports/figure-query';
import type { RawCounts } from '../../src/domain/figures';
import type { Opinion } from '../../src/domain/opinion';

// The report's definitions (docs/DESIGN.md, Figures; docs/API.md reports.stats) written out a second time,
// on whole opinions and by date strings, without src/domain/figures.ts: what the stores add
// up must agree with this full recount.

export interface RecountQuery {
  from: string;
  to: string;
  today: string;
  stationId?: string;
  /** '' selects the opinions no deputy holds. */
  deputyId?: string;
  category?: string;
}

export interface Recount {
  collected: number;
  replied: number;
  onTime: number;
  resolved: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  overdue: number;
}

/** The calendar day in Shanghai (UTC+8 all year). */
export const shanghaiDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

/** The opinions of the period and filters that count at all. */
export function collectedOf(opinions: readonly Opinion[], q: RecountQuery): Opinion[] {
  return opinions.filter(
    (o) =>
      o.status !== 'withdrawn' &&
      shanghaiDay(o.createdAt) >= q.from &&
      shanghaiDay(o.createdAt) <= q.to &&
      (q.stationId === undefined || o.stationId === q.stationId) &&
      (q.deputyId === undefined || (o.assignedDeputyId ?? '') === q.deputyId) &&
      (q.category === undefined || o.category === q.category),
  );
}

export function recount(opinions: readonly Opinion[], q: RecountQuery): Recount {
  const collected = collectedOf(opinions, q);
  const replied = collected.filter((o) => o.reply !== undefined);
  const rating = (s: string) => collected.filter((o) => o.rating?.satisfaction === s).length;
  return {
    collected: collected.length,
    replied: replied.length,
    onTime: replied.filter((o) => !o.replyDueDate || shanghaiDay(o.reply!.at) <= o.replyDueDate).length,
    resolved: collected.filter((o) => o.status === 'resolved' || o.status === 'closed' || o.resolution).length,
    rated: collected.filter((o) => o.rating).length,
    satisfied: rating('satisfied') + rating('basically_satisfied'),
    basicallySatisfied: rating('basically_satisfied'),
    dissatisfied: rating('dissatisfied'),
    overdue: collected.filter(
      (o) => (o.status === 'assigned' || o.status === 'transferred') && o.replyDueDate && o.replyDueDate < q.today,
    ).length,
  };
}

/** A rate as reports.stats must show it: hidden (样本不足) under 10 items. */
export function expectedRate(numerator: number, denominator: number) {
  const shown = denominator >= 10;
  return {
    numerator,
    denominator,
    value: shown ? numerator / denominator : null,
    label: shown ? `${((numerator / denominator) * 100).toFixed(1)}%` : '样本不足',
  };
}

/** The figures reports.stats must answer for a recount. */
export function expectedFigures(r: Recount) {
  return {
    ...r,
    replyRate: expectedRate(r.replied, r.collected),
    resolvedRate: expectedRate(r.resolved, r.collected),
    onTimeRate: expectedRate(r.onTime, r.replied),
    satisfactionRate: expectedRate(r.satisfied, r.rated),
  };
}

/** A recount as the stores' raw counts (countFigures): 满意 without 基本满意, which has its own. */
export const rawCountsOf = (r: Recount): RawCounts => ({
  collected: r.collected,
  replied: r.replied,
  onTime: r.onTime,
  resolved: r.resolved,
  ratedSatisfied: r.satisfied - r.basicallySatisfied,
  ratedBasicallySatisfied: r.basicallySatisfied,
  ratedDissatisfied: r.dissatisfied,
  overdue: r.overdue,
});

/** The rows a store must answer for `q` grouped by `groupBy`: one per key with any opinion, in key order. */
export function expectedGroupRows(all: readonly Opinion[], q: RecountQuery, groupBy: FigureGrouping): FigureRow[] {
  const keyOf = (o: Opinion) =>
    ({
      station: o.stationId,
      deputy: o.assignedDeputyId ?? '',
      category: o.category,
      month: shanghaiDay(o.createdAt).slice(0, 7),
    })[groupBy];
  const keys = [...new Set(collectedOf(all, q).map(keyOf))].sort();
  return keys.map((key) => ({
    key,
    counts: rawCountsOf(
      recount(
        all.filter((o) => keyOf(o) === key),
        q,
      ),
    ),
  }));
}
