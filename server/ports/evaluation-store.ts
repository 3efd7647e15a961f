import type { EvaluationAnswer, EvaluationParticipation, EvaluationRound } from '../../src/domain/evaluation';
import type { LocalDate } from '../../src/domain/dates';
import type { Satisfaction } from '../../src/domain/opinion';
import type { AuditEntry } from './store-types';

/** How many voters gave one answer about one deputy in a round. */
export interface EvaluationCountRow {
  deputyId: string;
  satisfaction: Satisfaction;
  count: number;
}

/** A voter's comment about a deputy in a round, without who wrote it or when. */
export interface EvaluationComment {
  deputyId: string;
  satisfaction: Satisfaction;
  comment: string;
}

/** How long a deputy took to reply to one opinion, from its assignment, in ms. */
export interface ReplyDuration {
  deputyId: string;
  ms: number;
}

/** Rounds of 代表述职评议, the ratings given in them, and the 选区 voters declare. */
export interface EvaluationStore {
  /** Every round, newest first (a street opens a handful a year). */
  listRounds(): Promise<EvaluationRound[]>;
  getRound(roundId: string): Promise<EvaluationRound | null>;
  /** Save a new round and its audit line in one transaction. */
  createRound(round: EvaluationRound, audit: AuditEntry): Promise<void>;
  /** End a round early from `on` (first closed day) with its audit line. */
  closeRoundEarly(roundId: string, on: LocalDate, audit: AuditEntry): Promise<void>;
  /**
   * Record that a voter rated a deputy, their anonymous answer and the audit line in one
   * transaction: false, and nothing written, when this voter already rated this deputy in this
   * round. The answer is stored apart from the participation, under a random key, with no time
   * and in no order of arrival, so that no key, id, order or time links the two.
   */
  addEvaluation(participation: EvaluationParticipation, answer: EvaluationAnswer, audit: AuditEntry): Promise<boolean>;
  /** Which deputies a voter rated, in all rounds (never what they answered), by round and deputy. */
  listParticipationsByVoter(openid: string): Promise<EvaluationParticipation[]>;
  /** The answers of a round, counted per deputy and answer (never the voters). */
  countEvaluations(roundId: string): Promise<EvaluationCountRow[]>;
  /** How many different voters took part in a round. */
  countEvaluators(roundId: string): Promise<number>;
  /**
   * The comments about the given deputies in a round, without who wrote them or when, in one
   * read: at most `limitPerDeputy` of each deputy, grouped by deputy in id order, each deputy's
   * in an order that owes nothing to when they were written.
   */
  listEvaluationComments(
    roundId: string,
    deputyIds: readonly string[],
    limitPerDeputy: number,
  ): Promise<EvaluationComment[]>;
  getVoterDistrict(openid: string): Promise<string | null>;
  setVoterDistrict(openid: string, district: string, at: number, audit: AuditEntry): Promise<void>;
  /**
   * For each replied opinion assigned to one of the deputies and created in [fromMs, toMs): its
   * deputy and the time from its assignment to its reply, in ms (withdrawn opinions excluded), in
   * one read whatever the number of deputies; in no particular order.
   */
  replyDurations(deputyIds: readonly string[], fromMs: number, toMs: number): Promise<ReplyDuration[]>;
}
