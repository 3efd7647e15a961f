import type { Account } from '../../src/domain/roles';
import type { TimelineEvent } from '../../src/domain/opinion';
import type { LocalDate } from '../../src/domain/dates';
import type { HandlingUnit, Suggestion, SuggestionStatus } from '../../src/domain/suggestion';
import type {
  AnswerDaysCount,
  SuggestionStatusCounts,
  UnitCounts,
  UnitReturnCount,
} from '../../src/domain/suggestion-figures';
import type { OutboxMessage } from './opinion-store';
import type { AuditEntry } from './store-types';

/** Whose 建议 to list: a deputy's (led or co-signed), a unit's (主办 or 协办), or all (the committee). */
export interface SuggestionQuery {
  deputyId?: string;
  unitId?: string;
  statuses?: readonly SuggestionStatus[];
  limit: number;
  /** From a previous page's `cursor`. */
  cursor?: string;
}

export interface SuggestionPage {
  items: Suggestion[];
  /** Where the next page starts; absent on the last page. */
  cursor?: string;
}

/** What one change of a 建议 writes beside it, in the same transaction. */
export interface SuggestionChange {
  audit: AuditEntry;
  /** Public lines on the source opinions' timelines (what their voters are told). */
  opinionEvents: readonly TimelineEvent[];
  outbox: readonly OutboxMessage[];
}

/**
 * 代表建议 and 承办单位. A 建议 is one document (its own short timeline inside), written whole
 * under a version check; the stores keep `suggestionFacts` of it beside it (columns, or top-level
 * fields) for the lists, the deadline watch and the figures.
 */
export interface SuggestionStore {
  /** Every unit, active or not, in `sortOrder`, then id. */
  listHandlingUnits(): Promise<HandlingUnit[]>;
  getHandlingUnit(unitId: string): Promise<HandlingUnit | null>;
  putHandlingUnit(unit: HandlingUnit, audit: AuditEntry): Promise<void>;
  /** The accounts of a unit's contacts (who hear about 交办, reminders and 督办), in openid order. */
  listUnitAccounts(unitId: string): Promise<Account[]>;

  getSuggestion(suggestionId: string): Promise<Suggestion | null>;
  /** Save a new 建议 (version 1) with its change, in one transaction; fails, writing nothing, when its id is taken. */
  createSuggestion(suggestion: Suggestion, change: SuggestionChange): Promise<void>;
  /**
   * Replace a 建议 if its stored version is still `expectedVersion` (the new one carries
   * expectedVersion + 1), with its change, in one transaction; false, and nothing written, when
   * another change came first.
   */
  updateSuggestion(next: Suggestion, expectedVersion: number, change: SuggestionChange): Promise<boolean>;
  /**
   * Most recently changed (`updatedAt`) first, then by id, descending; `deputyId` and `unitId`
   * narrow to that deputy's or unit's box (both given: 建议 in both), `statuses` to those statuses.
   */
  listSuggestions(query: SuggestionQuery): Promise<SuggestionPage>;
  /**
   * 建议 with a pending step due on or before `onOrBefore` (`suggestionFacts(...).dueDate`, none
   * while nothing is pending), oldest due first, then by id, at most `limit`.
   */
  listSuggestionsDue(onOrBefore: LocalDate, limit: number): Promise<Suggestion[]>;

  /** 建议 submitted in [fromMs, toMs), counted by status (statuses counting none are absent). */
  countSuggestionsByStatus(fromMs: number, toMs: number): Promise<SuggestionStatusCounts>;
  /** Per 主办 unit, the 建议 handed over (latest 交办) in [fromMs, toMs), counted by the database; by unitId. */
  countSuggestionsByUnit(fromMs: number, toMs: number): Promise<UnitCounts[]>;
  /** Per unit, the 退回 it asked on 建议 submitted in [fromMs, toMs); by unitId. */
  countSuggestionReturns(fromMs: number, toMs: number): Promise<UnitReturnCount[]>;
  /** Per 主办 unit and number of days from 交办 to the first answer, over 交办 in [fromMs, toMs); by unitId, then days. */
  countAnswerDays(fromMs: number, toMs: number): Promise<AnswerDaysCount[]>;
  /**
   * A deputy's 建议 submitted in [fromMs, toMs), counted by the database: those they led and those
   * they co-signed, each by status (a 履职档案's line).
   */
  countSuggestionsOfDeputy(
    deputyId: string,
    fromMs: number,
    toMs: number,
  ): Promise<{ led: SuggestionStatusCounts; coSigned: SuggestionStatusCounts }>;
}
