import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { addDays, shanghaiDate, type LocalDate } from './dates';
import type { Opinion, OpinionStatus, Satisfaction } from './opinion';

dayjs.extend(utc);

/*
 * The figures of the committee's annual report (docs/DESIGN.md, Figures),
 * defined here and nowhere else. The stores only add up what this file decides: the flags of
 * `figureFields` are written beside every opinion, and `NOT_COLLECTED` / `OPEN_STATUSES` /
 * `periodInstants` are the bounds their queries use.
 *
 * For a period `from`..`to` (Asia/Shanghai dates, both days included):
 *
 * - collected (征集): opinions created in the period, withdrawn ones excluded. Rejected and held
 *   opinions count: they were collected. Every other count below is "of those", as the
 *   opinions stand today (a figure for last year still moves when an old case is settled).
 * - replied: with a reply (`opinion.reply`). An opinion a 不满意 reopened keeps its reply and
 *   stays replied.
 * - onTime: replied, and the Asia/Shanghai date of the reply is on or before `replyDueDate`
 *   (a reply with no due date was not late).
 * - resolved: status resolved or closed, or a resolution recorded — the staff's confirmation is
 *   not undone by a 不满意 that reopened the case.
 * - rated: with a rating (the latest one); satisfied: 满意 + 基本满意, of which
 *   basicallySatisfied: 基本满意; dissatisfied: 不满意. satisfied + dissatisfied = rated.
 * - overdue: open (assigned or transferred) with `replyDueDate` before today.
 *
 * Rates (each with its count, `Rate`): 办复率 = replied / collected; 解决率 = resolved / collected;
 * 按期答复率 = onTime / replied; 满意率 = satisfied / rated.
 */

/** Statuses whose opinions are not counted at all: the voter took them back. */
export const NOT_COLLECTED: readonly OpinionStatus[] = ['withdrawn'];

/** Statuses of an opinion waiting for its reply: the only ones that can be overdue. */
export const OPEN_STATUSES: readonly OpinionStatus[] = ['assigned', 'transferred'];

/** Below this many items a rate is not shown, only its counts (样本不足). */
export const MIN_SAMPLE = 10;

/** What each opinion contributes, decided once per write and stored beside the opinion. */
export interface FigureFields {
  /** When the reply was given; null when there is none. */
  repliedAt: number | null;
  repliedOnTime: boolean;
  resolved: boolean;
  /** The latest rating, or null. */
  satisfaction: Satisfaction | null;
  /** 'YYYY-MM' of the creation, Asia/Shanghai: the month it is counted in. */
  month: string;
}

/** The per-opinion rules above, for the stores to write with every create and update. */
export function figureFields(opinion: Opinion): FigureFields {
  const reply = opinion.reply;
  return {
    repliedAt: reply ? reply.at : null,
    repliedOnTime: Boolean(reply && (!opinion.replyDueDate || shanghaiDate(reply.at) <= opinion.replyDueDate)),
    resolved: opinion.status === 'resolved' || opinion.status === 'closed' || opinion.resolution !== undefined,
    satisfaction: opinion.rating?.satisfaction ?? null,
    month: shanghaiDate(opinion.createdAt).slice(0, 7),
  };
}

/** A period of the report: Asia/Shanghai dates, both included. */
export interface Period {
  from: LocalDate;
  to: LocalDate;
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The instants of a period: from 00:00 of `from` (included) to 00:00 after `to` (excluded), Shanghai time. */
export function periodInstants(period: Period): { fromMs: number; toMs: number } {
  const midnight = (date: LocalDate) => dayjs.utc(date).valueOf() - SHANGHAI_OFFSET_MS;
  return { fromMs: midnight(period.from), toMs: midnight(addDays(period.to, 1)) };
}

/** The months a period touches, 'YYYY-MM', in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  for (let m = dayjs.utc(period.from).startOf('month'); m.format('YYYY-MM') <= period.to.slice(0, 7);) {
    months.push(m.format('YYYY-MM'));
    m = m.add(1, 'month');
  }
  return months;
}

/** '2026年3月' for '2026-03'. */
export function monthLabel(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

/** What a store counts for a set of opinions; the ratings are disjoint. */
export interface RawCounts {
  collected: number;
  replied: number;
  onTime: number;
  resolved: number;
  ratedSatisfied: number;
  ratedBasicallySatisfied: number;
  ratedDissatisfied: number;
  overdue: number;
}

export const ZERO_COUNTS: RawCounts = {
  collected: 0,
  replied: 0,
  onTime: 0,
  resolved: 0,
  ratedSatisfied: 0,
  ratedBasicallySatisfied: 0,
  ratedDissatisfied: 0,
  overdue: 0,
};

/** Counts of two sets added up (groups into a total). */
export function addCounts(a: RawCounts, b: RawCounts): RawCounts {
  const sum = { ...a };
  for (const key of Object.keys(sum) as Array<keyof RawCounts>) sum[key] = a[key] + b[key];
  return sum;
}

/** A rate with what it is made of. `value` is null (样本不足) below MIN_SAMPLE items. */
export interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
  /** '86.7%', or 样本不足. */
  label: string;
  /** Wilson 95% interval, rounded to 4 places; absent when there is nothing to count. */
  interval?: [number, number];
}

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * The Wilson score interval (95%) of `successes` out of `n`. Unlike p ± z·√(p(1−p)/n) it stays
 * inside 0..1 and is honest about small samples, which is what a ranking of deputies needs:
 * 8/10 and 80/100 are both 80%, but only the second is clearly above 60%.
 */
export function wilsonInterval(successes: number, n: number): [number, number] {
  if (n <= 0) throw new RangeError('a Wilson interval needs at least one item');
  const p = successes / n;
  const z2 = Z95 * Z95;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** numerator / denominator as the report shows it. */
export function rate(numerator: number, denominator: number): Rate {
  const interval = denominator > 0 ? (wilsonInterval(numerator, denominator).map(round4) as [number, number]) : null;
  const base = { numerator, denominator, ...(interval ? { interval } : {}) };
  if (denominator < MIN_SAMPLE) return { ...base, value: null, label: '样本不足' };
  const value = numerator / denominator;
  return { ...base, value, label: `${(value * 100).toFixed(1)}%` };
}

/** The figures of one set of opinions, as `reports.stats` answers them. */
export interface Figures {
  collected: number;
  replied: number;
  resolved: number;
  rated: number;
  /** 满意 + 基本满意. */
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  overdue: number;
  onTime: number;
  /** 办复率 */
  replyRate: Rate;
  /** 解决率 */
  resolvedRate: Rate;
  /** 按期答复率 */
  onTimeRate: Rate;
  /** 满意率 */
  satisfactionRate: Rate;
}

/** The figures from a store's counts. */
export function figuresFromCounts(c: RawCounts): Figures {
  const satisfied = c.ratedSatisfied + c.ratedBasicallySatisfied;
  const rated = satisfied + c.ratedDissatisfied;
  return {
    collected: c.collected,
    replied: c.replied,
    resolved: c.resolved,
    rated,
    satisfied,
    basicallySatisfied: c.ratedBasicallySatisfied,
    dissatisfied: c.ratedDissatisfied,
    overdue: c.overdue,
    onTime: c.onTime,
    replyRate: rate(c.replied, c.collected),
    resolvedRate: rate(c.resolved, c.collected),
    onTimeRate: rate(c.onTime, c.replied),
    satisfactionRate: rate(satisfied, rated),
  };
}
