import type { LocalDate } from './dates';
import type { EvaluationResult, RoundPhase } from './evaluation';
import type { Rate } from './figures';
import type { Satisfaction } from './opinion';
import type { PublicDeputy } from './station';

/** A round as lists show it. */
export interface RoundSummaryView {
  id: string;
  district: string;
  title: string;
  opensOn: LocalDate;
  closesOn: LocalDate;
  /** The day staff ended it, when they ended it before `closesOn`. */
  closedEarlyOn?: LocalDate;
  phase: RoundPhase;
  phaseLabel: string;
  /** Whether the results are out: only after `closesOn` has passed, even when it was closed early. */
  published: boolean;
  deputyCount: number;
  /** Whether the caller may rate in it now: an open round of the voter's own 选区. */
  canRate: boolean;
  /** How many of its deputies the caller has rated. */
  ratedByMe: number;
  /** How many voters took part: for staff and the committee, who run the round. */
  participants?: number;
}

/** evaluations.list */
export interface RoundListView {
  /** Every 选区 the street's stations serve. */
  districts: string[];
  /** The 选区 the caller declared, if any. */
  myDistrict?: string;
  /** Why the caller cannot change their 选区 now, if they cannot. */
  districtLockedReason?: string;
  /** The 选区 the caller may open rounds for (staff of a station serving it, or the committee). */
  openableDistricts: string[];
  items: RoundSummaryView[];
}

/** What the data says a deputy did in the period under review. */
export interface DeputyActivityView {
  /** Reception sessions held with the deputy on the duty list. */
  sessionsOnDuty: number;
  /** Opinions assigned to the deputy that were collected in the period. */
  handled: number;
  replied: number;
  /** 办复率 of those opinions. */
  replyRate: Rate;
  /** Median days from assignment to reply; null when nothing was replied. */
  medianReplyDays: number | null;
  /**
   * 履职活动 of the period that count (recorded, or visits staff confirmed) the deputy was invited
   * to, as counts only: voters see no reason for a leave or an absence.
   */
  activities: { present: number; leave: number; absent: number };
  /** Voters met at the confirmed visits the deputy took part in (人次). */
  votersVisited: number;
}

export interface DeputyCardView {
  deputy: PublicDeputy & { stationName: string };
  activity: DeputyActivityView;
  /**
   * Whether the caller rated this deputy. What they answered is not given back: the answer is
   * stored without who gave it, so nobody — the voter included — can read it back as theirs.
   */
  ratedByMe: boolean;
  /** The results: only once published; 样本不足 without any count per answer under MIN_RATERS. */
  result?: EvaluationResult;
  /**
   * Voters' comments once published and only with enough raters, for the committee, staff and
   * the deputy: without who wrote them or when, in no order of time (shuffled).
   */
  comments?: Array<{ satisfaction: Satisfaction; comment: string }>;
}

/** evaluations.get */
export interface RoundView extends RoundSummaryView {
  periodFrom: LocalDate;
  periodTo: LocalDate;
  /** Why the caller cannot rate, when the round is open but they may not. */
  cannotRateReason?: string;
  /** The caller could rate once they say which 选区 they live in. */
  needsDistrict: boolean;
  /** Whether the caller may end the round early. */
  canClose: boolean;
  deputies: DeputyCardView[];
}
