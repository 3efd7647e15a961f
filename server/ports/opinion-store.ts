import type { CounterRecount, FigureCounterKey } from '../../src/domain/figure-counters';
import type { RawCounts } from '../../src/domain/figures';
import type { Opinion, OpinionStatus, TimelineEvent } from '../../src/domain/opinion';
import type { FigureGrouping, FigureQuery, FigureRow } from './figure-query';
import type { OpinionSupport } from './store-types';

/** A notification waiting to be sent; written in the same transaction as the change it reports. */
export interface OutboxMessage {
  id?: number | string;
  /** e.g. reply_to_voter, resolved_to_voter, assigned_to_deputy */
  kind: string;
  recipientOpenid: string;
  /** What the message is about: an opinion's id, or `station:<id>` (`stationSubject`) for a station's sessions and digests. */
  subjectId: string;
  payload: Record<string, string>;
  createdAt: number;
  /**
   * pending: to be sent (again); sent: WeChat took it; gave_up: it cannot succeed or failed too
   * often; not_subscribed: its recipient holds no acceptance of its template, so WeChat was not
   * called. Whatever the status, the recipient sees the message in their 消息 list.
   */
  status: 'pending' | 'sent' | 'gave_up' | 'not_subscribed';
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
}

/** The subject of a message about a station rather than an opinion. */
export const stationSubject = (stationId: string) => `station:${stationId}`;

export interface OpinionQuery {
  authorOpenid?: string;
  assignedDeputyId?: string;
  stationId?: string;
  statuses?: readonly OpinionStatus[];
  /** Only opinions whose reply is due on or before this date. */
  dueOnOrBefore?: string;
  staffReview?: boolean;
  /** Opaque: the nextCursor of the previous page. */
  cursor?: string;
  limit: number;
}

export interface OpinionPage {
  items: Opinion[];
  nextCursor: string | null;
}

/** A per-caller quota: at most `max` creations under `key` (e.g. the caller and the day). */
export interface Quota {
  key: string;
  max: number;
}

/** What one change of an opinion writes (OpinionStore.changeOpinion). */
export interface OpinionWrite {
  /** The opinion as it will be: its version one above the one the change was decided on. */
  next: Opinion;
  events: readonly TimelineEvent[];
  outbox: readonly OutboxMessage[];
  supports?: readonly OpinionSupport[];
}

/** Thrown by changeOpinion when other changes kept coming first; nothing was written. */
export class OpinionConflictError extends Error {
  constructor() {
    super('opinion changed meanwhile');
    this.name = 'OpinionConflictError';
  }
}

/** Thrown by createOpinion when the quota is used up; nothing was written. */
export class QuotaExceededError extends Error {
  constructor() {
    super('quota exceeded');
    this.name = 'QuotaExceededError';
  }
}

/** The opinions part of the store. Each write is one transaction with its timeline and outbox lines. */
export interface OpinionStore {
  /**
   * Create an opinion unless one with its id exists: its id is derived from (submittedBy,
   * requestId) (`Ids.opinionId`), so a retried submission finds the first, nothing is written and
   * the existing one is returned with created = false; an id held by another submission is refused. With a quota, the count under
   * its key is raised in the same transaction, and QuotaExceededError (nothing written) when full.
   */
  createOpinion(
    opinion: Opinion,
    events: readonly TimelineEvent[],
    outbox: readonly OutboxMessage[],
    quota?: Quota,
  ): Promise<{ created: boolean; opinion: Opinion }>;
  getOpinion(opinionId: string): Promise<Opinion | null>;
  getOpinionByClaimCode(claimCode: string): Promise<Opinion | null>;
  /**
   * Replace an opinion if its stored version is still `expectedVersion` (the new one carries
   * expectedVersion + 1); false, and nothing written, when another change came first. `supports`
   * (a merge carrying a duplicate's supporters over to its target) are added in the same
   * transaction, each skipped when that voter already supports that opinion (and the target's
   * count raised by those added). The stored `supportCount` is kept, whatever `next` carries.
   */
  updateOpinion(
    next: Opinion,
    expectedVersion: number,
    events: readonly TimelineEvent[],
    outbox: readonly OutboxMessage[],
    supports?: readonly OpinionSupport[],
  ): Promise<boolean>;
  /**
   * Change opinion `id` as `decide` says, `decide` being given the opinion as stored when the
   * change is written (null from it: nothing to write), with its lines, messages and supports as
   * updateOpinion writes them. For an action that names an opinion: it is read once, by the
   * change itself — on CloudBase inside the transaction that writes it. A change made meanwhile
   * is never overwritten: `decide` runs again on the newer opinion, a few times at most, then
   * OpinionConflictError. Whatever `decide` throws ends the change with nothing written. Null when
   * there is no such opinion; else the opinion as it now is, and whether this wrote it.
   */
  changeOpinion(
    id: string,
    decide: (current: Opinion) => Promise<OpinionWrite | null>,
  ): Promise<{ opinion: Opinion; written: boolean } | null>;
  /** Newest first. */
  listOpinions(query: OpinionQuery): Promise<OpinionPage>;
  /**
   * Open (assigned or transferred) opinions per deputy of a station, read from the open-case
   * counters that every create and update moves in its transaction (src/domain/figure-counters.ts).
   */
  countOpenByDeputy(stationId: string): Promise<Map<string, number>>;
  listTimeline(opinionId: string): Promise<TimelineEvent[]>;
  /** Pending messages due by `now`, oldest first. */
  listDueOutbox(now: number, limit: number): Promise<OutboxMessage[]>;
  /** Record an attempt's outcome; only one dispatcher may claim a message (status still pending). */
  updateOutbox(message: OutboxMessage, expectedAttempts: number): Promise<boolean>;
  listOutbox(limit: number): Promise<OutboxMessage[]>;
  /** Remember which opinion and photo a pending image check (by its trace id) is about. */
  recordMediaChecks(opinionId: string, checks: ReadonlyArray<{ traceId: string; fileId: string }>): Promise<void>;
  findMediaCheck(traceId: string): Promise<{ opinionId: string; fileId: string } | null>;
  /**
   * The report's counts (src/domain/figures.ts) of the opinions `query` selects: the figure
   * counters of the period's whole months (moved by every create and update in its transaction),
   * the partial months at its ends and overdue counted by the database from the opinions
   * (server/adapters/figure-counting.ts). No opinion list is fetched, so no query limit applies.
   */
  countFigures(query: FigureQuery): Promise<RawCounts>;
  /** The same counts per station, deputy, category or month, one row per group with opinions. */
  countFiguresBy(query: FigureQuery, groupBy: FigureGrouping): Promise<FigureRow[]>;
  /**
   * The figure counters of `month` ('YYYY-MM') and the open-case counters compared with a recount
   * of the opinions; with `repair`, the differing counters are written over with the recount.
   */
  recountCounters(month: string, repair: boolean): Promise<CounterRecount>;
  /**
   * Create, at zero, the figure counters of `keys` that do not exist yet (the scheduler opens a
   * month's counters ahead of its opinions: server/services/counter-opening.ts); a counter that
   * exists is never touched; at most `limit` are created in one call. Answers how many were
   * created; a store whose changes create a counter at no extra cost may create none.
   */
  openFigureCounters(keys: readonly FigureCounterKey[], limit: number): Promise<number>;
}
