import type { LocalDate } from './dates';
import { MIN_SAMPLE, rate, type Rate } from './figures';
import type { Satisfaction } from './opinion';

/*
 * 代表述职评议: once a term, the voters of an electoral district (选区) hear their deputies
 * report on their work and rate each of them. A round is opened by the committee or by the
 * staff of a station serving the district, for fixed dates; while it is open each voter of the
 * district may rate each deputy once; the results are published after its planned last day —
 * nobody, not even the committee, sees them earlier, so that early figures cannot sway later
 * voters, and closing a round early cannot expose the few who rated before it.
 *
 * A ballot box: who took part and what was answered are kept apart, with nothing (key, id,
 * order or time) that links them, so that nobody holding the whole database, the audit trail
 * or the API can tell what a voter answered.
 */

/** Where a round stands on a given day (Asia/Shanghai). */
export type RoundPhase = 'upcoming' | 'open' | 'closed';

export const ROUND_PHASE_LABELS: Record<RoundPhase, string> = {
  upcoming: '即将开始',
  open: '评议进行中',
  closed: '已结束',
};

/** The label of a closed round whose results are out. */
export const PUBLISHED_LABEL = '已结束，结果已公布';

/**
 * The fewest voters who must have rated a deputy for their result to be shown: the figures'
 * 样本不足 threshold (MIN_SAMPLE, 10). Below it a count per answer would let those who know a
 * few of the raters guess what each answered, and a rate of so few says nothing anyway.
 */
export const MIN_RATERS = MIN_SAMPLE;

export interface EvaluationRound {
  id: string;
  district: string;
  /** e.g. 2026年第一选区代表述职评议 */
  title: string;
  /** First and last day voters may rate, both included. */
  opensOn: LocalDate;
  closesOn: LocalDate;
  /** The work being reported on: the deputies' activity is counted over these dates. */
  periodFrom: LocalDate;
  periodTo: LocalDate;
  /** The district's active deputies when the round was opened, in display order. */
  deputyIds: string[];
  createdBy: string;
  createdAt: number;
  /** Set when staff end the round before `closesOn`. */
  closedEarlyOn?: LocalDate;
}

/** That a voter rated a deputy in a round (kept so that each rates each deputy once), never what they answered. */
export interface EvaluationParticipation {
  roundId: string;
  deputyId: string;
  voterOpenid: string;
}

/**
 * What one voter answered about one deputy, without who they are or when: no openid, no time
 * (the round's dates are all it tells), stored apart from the participation under a random key.
 */
export interface EvaluationAnswer {
  roundId: string;
  deputyId: string;
  satisfaction: Satisfaction;
  comment?: string;
}

/**
 * The phase of a round on `today`: upcoming before `opensOn`, open through `closesOn` (or the
 * day before staff closed it early), closed after.
 */
export function roundPhase(round: EvaluationRound, today: LocalDate): RoundPhase {
  if (round.closedEarlyOn !== undefined && today >= round.closedEarlyOn) return 'closed';
  if (today < round.opensOn) return 'upcoming';
  if (today > round.closesOn) return 'closed';
  return 'open';
}

/**
 * Whether a round's results are out on `today`: only once its planned last day (`closesOn`) has
 * passed, whether or not it was closed early — an early close stops the rating, never brings the
 * results forward, so that staff cannot close a round at one rater and read that rater's answer.
 */
export function resultsPublished(round: EvaluationRound, today: LocalDate): boolean {
  return today > round.closesOn;
}

/**
 * Why a new round of a 选区 clashes with an existing one, or undefined: their rating dates
 * overlap (a voter would not know which counts), or the periods of work they report on overlap
 * (the same work would be rated twice, and a round closed early could be "reopened" as a new one
 * to rate again the few who took part). A round closed early keeps its planned dates for this.
 */
export function roundClash(
  a: Pick<EvaluationRound, 'opensOn' | 'closesOn' | 'periodFrom' | 'periodTo'>,
  b: EvaluationRound,
): 'dates' | 'period' | undefined {
  if (a.opensOn <= b.closesOn && b.opensOn <= a.closesOn) return 'dates';
  if (a.periodFrom <= b.periodTo && b.periodFrom <= a.periodTo) return 'period';
  return undefined;
}

/** How many voters gave each answer about one deputy. */
export interface EvaluationCounts {
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
}

/** A deputy's published result with enough raters: every answer counted and the rate. */
export interface EvaluationBreakdown extends EvaluationCounts {
  sufficient: true;
  rated: number;
  /** (满意 + 基本满意) / rated, with its count and Wilson 95% interval. */
  satisfactionRate: Rate;
}

/** Fewer than MIN_RATERS rated the deputy: 样本不足, and no answer is counted out. */
export interface EvaluationTooFew {
  sufficient: false;
  rated: number;
  minimum: number;
}

export type EvaluationResult = EvaluationBreakdown | EvaluationTooFew;

const ANSWER_FIELD: Record<Satisfaction, keyof EvaluationCounts> = {
  satisfied: 'satisfied',
  basically_satisfied: 'basicallySatisfied',
  dissatisfied: 'dissatisfied',
};

/** The answers about one deputy, added up from the store's per-answer counts. */
export function tallyAnswers(rows: ReadonlyArray<{ satisfaction: Satisfaction; count: number }>): EvaluationCounts {
  const counts: EvaluationCounts = { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 };
  for (const row of rows) counts[ANSWER_FIELD[row.satisfaction]] += row.count;
  return counts;
}

/**
 * A deputy's result, by the same rule as the opinions' 满意率: 满意 and 基本满意 count as
 * satisfied, the interval tells how far a small district's figure can be trusted. Under
 * MIN_RATERS raters only their number is given (样本不足), never how they answered.
 */
export function evaluationResult(counts: EvaluationCounts): EvaluationResult {
  const rated = counts.satisfied + counts.basicallySatisfied + counts.dissatisfied;
  if (rated < MIN_RATERS) return { sufficient: false, rated, minimum: MIN_RATERS };
  return {
    sufficient: true,
    ...counts,
    rated,
    satisfactionRate: rate(counts.satisfied + counts.basicallySatisfied, rated),
  };
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const DAY_MS = 86_400_000;

/** A median reply time in days with one decimal, for people: 2.5 (days); null when nothing was replied. */
export function medianReplyDays(durationsMs: readonly number[]): number | null {
  const m = median(durationsMs.filter((d) => d >= 0));
  return m === null ? null : Math.round((m / DAY_MS) * 10) / 10;
}

/** A reception session as the activity count needs it. */
export interface HeldSession {
  date: LocalDate;
  cancelled: boolean;
  deputyIds: readonly string[];
}

/**
 * Sessions a deputy was on duty at: recorded on the session's duty list, not cancelled, dated
 * within the period and not after `today` (a session yet to come was not held).
 */
export function sessionsOnDuty(
  sessions: readonly HeldSession[],
  deputyId: string,
  period: { from: LocalDate; to: LocalDate },
  today: LocalDate,
): number {
  const last = period.to < today ? period.to : today;
  return sessions.filter(
    (s) => !s.cancelled && s.date >= period.from && s.date <= last && s.deputyIds.includes(deputyId),
  ).length;
}

/**
 * The 选区 whose voters evaluate a deputy: the one recorded for them, or else the only district
 * their station serves (a deputy of a station serving several districts must have it recorded).
 */
export function deputyDistrict(
  deputy: { district?: string },
  station: { districts: readonly string[] } | null | undefined,
): string | null {
  if (deputy.district) return deputy.district;
  return station && station.districts.length === 1 ? station.districts[0]! : null;
}
