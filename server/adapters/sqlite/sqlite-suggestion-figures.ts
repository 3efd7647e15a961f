import type { SuggestionStatus } from '../../../src/domain/suggestion';
import type {
  AnswerDaysCount,
  SuggestionStatusCounts,
  UnitCounts,
  UnitReturnCount,
} from '../../../src/domain/suggestion-figures';
import type { SuggestionStore } from '../../ports/suggestion-store';
import type { SqliteDatabase } from './database';

type SuggestionFigures = Pick<
  SuggestionStore,
  | 'countSuggestionsByStatus'
  | 'countSuggestionsByUnit'
  | 'countSuggestionReturns'
  | 'countAnswerDays'
  | 'countSuggestionsOfDeputy'
>;

// Each a GROUP BY over the period's entries of one index of migration 14, never the JSON.
const BY_STATUS = `SELECT status, COUNT(*) AS n FROM suggestions
  WHERE submitted_at >= ? AND submitted_at < ? GROUP BY status`;

const when = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

// A group has at least one row, so no SUM below is NULL.
const BY_UNIT = `SELECT lead_unit_id AS unitId,
    COUNT(*) AS assigned,
    ${when('answered_at IS NOT NULL')} AS answered,
    ${when('answered_on_time = 1')} AS answeredOnTime,
    ${when("answer_class = 'A'")} AS classA,
    ${when("answer_class = 'B'")} AS classB,
    ${when("answer_class = 'C'")} AS classC,
    ${when("satisfaction = 'satisfied'")} AS satisfied,
    ${when("satisfaction = 'basically_satisfied'")} AS basicallySatisfied,
    ${when("satisfaction = 'dissatisfied'")} AS dissatisfied,
    ${when('supervised_count > 0')} AS supervised
  FROM suggestions WHERE assigned_at >= ? AND assigned_at < ? AND lead_unit_id IS NOT NULL
  GROUP BY lead_unit_id ORDER BY lead_unit_id`;

const RETURNS = `SELECT unit_id AS unitId, COUNT(*) AS returns FROM suggestion_returns
  WHERE submitted_at >= ? AND submitted_at < ? GROUP BY unit_id ORDER BY unit_id`;

const ANSWER_DAYS = `SELECT lead_unit_id AS unitId, days_to_answer AS days, COUNT(*) AS count FROM suggestions
  WHERE assigned_at >= ? AND assigned_at < ? AND lead_unit_id IS NOT NULL AND days_to_answer IS NOT NULL
  GROUP BY lead_unit_id, days_to_answer ORDER BY lead_unit_id, days_to_answer`;

/** The SQL of each count, each taking the period [from, to) as its two parameters. */
export const SUGGESTION_COUNTS_SQL = { BY_STATUS, BY_UNIT, RETURNS, ANSWER_DAYS };

// A deputy's 建议 (a 履职档案's line): those they lead, by the index of migration 15, and those
// they co-signed — signers of suggestion_deputies who are not the 领衔 deputy.
const LED = `SELECT status, COUNT(*) AS n FROM suggestions
  WHERE lead_deputy_id = ? AND submitted_at >= ? AND submitted_at < ? GROUP BY status`;

const CO_SIGNED = `SELECT s.status AS status, COUNT(*) AS n
  FROM suggestion_deputies d JOIN suggestions s ON s.id = d.suggestion_id
  WHERE d.deputy_id = ? AND s.lead_deputy_id <> d.deputy_id AND s.submitted_at >= ? AND s.submitted_at < ?
  GROUP BY s.status`;

/** The SQL of a deputy's counts, each taking the deputy and the period [from, to) as its three parameters. */
export const DEPUTY_SUGGESTIONS_SQL = { LED, CO_SIGNED };

type StatusRow = { status: SuggestionStatus; n: number };
const byStatus = (rows: StatusRow[]): SuggestionStatusCounts => {
  const counts: SuggestionStatusCounts = {};
  for (const row of rows) counts[row.status] = row.n;
  return counts;
};

/** The 建议 figures on SQLite: counted by the database over the fact columns, `suggestion_deputies` and `suggestion_returns`. */
export function createSqliteSuggestionFigures(db: SqliteDatabase): SuggestionFigures {
  const statuses = db.prepare(BY_STATUS);
  const led = db.prepare(LED);
  const coSigned = db.prepare(CO_SIGNED);
  const byUnit = db.prepare(BY_UNIT);
  const returns = db.prepare(RETURNS);
  const answerDays = db.prepare(ANSWER_DAYS);
  return {
    countSuggestionsByStatus: async (fromMs, toMs) => byStatus(statuses.all(fromMs, toMs) as StatusRow[]),
    countSuggestionsByUnit: async (fromMs, toMs) => byUnit.all(fromMs, toMs) as UnitCounts[],
    countSuggestionReturns: async (fromMs, toMs) => returns.all(fromMs, toMs) as UnitReturnCount[],
    countAnswerDays: async (fromMs, toMs) => answerDays.all(fromMs, toMs) as AnswerDaysCount[],
    countSuggestionsOfDeputy: async (deputyId, fromMs, toMs) => ({
      led: byStatus(led.all(deputyId, fromMs, toMs) as StatusRow[]),
      coSigned: byStatus(coSigned.all(deputyId, fromMs, toMs) as StatusRow[]),
    }),
  };
}
