import type { DeputyEvaluation, EvaluationRound } from '../../src/domain/evaluation';
import type { LocalDate } from '../../src/domain/dates';
import type { Satisfaction } from '../../src/domain/opinion';
import type { AuditEntry } from './store-types';

/** How many voters gave one answer about one deputy in a round. */
export interface EvaluationCountRow {
  deputyId: string;
  satisfaction: Satisfaction;
  count: number;
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
   * Record one rating and its audit line in one transaction: false, and nothing written, when
   * this voter already rated this deputy in this round.
   */
  addEvaluation(evaluation: DeputyEvaluation, audit: AuditEntry): Promise<boolean>;
  /** A voter's own ratings in all rounds. */
  listEvaluationsByVoter(openid: string): Promise<DeputyEvaluation[]>;
  /** The answers of a round, counted per deputy and answer (never the voters). */
  countEvaluations(roundId: string): Promise<EvaluationCountRow[]>;
  /** How many different voters took part in a round. */
  countEvaluators(roundId: string): Promise<number>;
  /** The comments about one deputy in a round, newest first, at most `limit`, without who wrote them. */
  listEvaluationComments(
    roundId: string,
    deputyId: string,
    limit: number,
  ): Promise<Array<{ satisfaction: Satisfaction; comment: string; at: number }>>;
  getVoterDistrict(openid: string): Promise<string | null>;
  setVoterDistrict(openid: string, district: string, at: number, audit: AuditEntry): Promise<void>;
  /**
   * For each replied opinion assigned to the deputy and created in [fromMs, toMs): the time from
   * its assignment to its reply, in ms (withdrawn opinions excluded).
   */
  replyDurations(deputyId: string, fromMs: number, toMs: number): Promise<number[]>;
}
