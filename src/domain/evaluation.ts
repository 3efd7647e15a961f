import type { LocalDate } from './dates';
import { rate, type Rate } from './figures';
import type { Satisfaction } from './opinion';

/*
 * 代表述职评议: once a term, the voters of an electoral district (选区) hear their deputies
 * report on their work and rate each of them. A round is opened by the committee or by the
 * staff of a station serving the district, for fixed dates; while it is open each voter of the
 * district may rate each deputy once; the results are published when it closes — nobody, not
 * even the committee, sees them earlier, so that early figures cannot sway later voters.
 */

/** Where a round stands on a given day (Asia/Shanghai). */
export type RoundPhase = 'upcoming' | 'open' | 'closed';

export const ROUND_PHASE_LABELS: Record<RoundPhase, string> = {
  upcoming: '即将开始',
  open: '评议进行中',
  closed: '已结束，结果已公布',
};

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

/** One voter's rating of one deputy in one round. */
export interface DeputyEvaluation {
  roundId: string;
  deputyId: string;
  voterOpenid: string;
  satisfaction: Satisfaction;
  comment?: string;
  at: number;
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

/** Two rounds of one district may not run at the same time: a voter would not know which counts. */
export function roundsOverlap(a: Pick<EvaluationRound, 'opensOn' | 'closesOn'>, b: EvaluationRound): boolean {
  const bEnd = b.closedEarlyOn !== undefined && b.closedEarlyOn <= b.closesOn ? b.closedEarlyOn : b.closesOn;
  return a.opensOn <= bEnd && b.opensOn <= a.closesOn;
}

/** How many voters gave each answer about one deputy. */
export interface EvaluationCounts {
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
}

export interface EvaluationResult extends EvaluationCounts {
  rated: number;
  /** (满意 + 基本满意) / rated, with its count and Wilson 95% interval; 样本不足 under 10. */
  satisfactionRate: Rate;
}

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
 * satisfied, the interval tells how far a small district's figure can be trusted.
 */
export function evaluationResult(counts: EvaluationCounts): EvaluationResult {
  const rated = counts.satisfied + counts.basicallySatisfied + counts.dissatisfied;
  return { ...counts, rated, satisfactionRate: rate(counts.satisfied + counts.basicallySatisfied, rated) };
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
