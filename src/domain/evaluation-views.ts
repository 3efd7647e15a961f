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
}

export interface DeputyCardView {
  deputy: PublicDeputy & { stationName: string };
  activity: DeputyActivityView;
  /** The caller's own rating, if they gave one. */
  myRating?: { satisfaction: Satisfaction; comment?: string };
  /** The results: only once the round is closed. */
  result?: EvaluationResult;
  /** Voters' comments, without who wrote them: once closed, for the committee, staff and the deputy. */
  comments?: Array<{ satisfaction: Satisfaction; comment: string; at: number }>;
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
