import { figureFields, NOT_COLLECTED, OPEN_STATUSES, type RawCounts, ZERO_COUNTS } from '../../../src/domain/figures';
import type { Opinion } from '../../../src/domain/opinion';
import type { FigureGrouping, FigureQuery } from '../../ports/figure-query';
import { type FigureFilters, figuresFromSources } from '../figure-counting';
import type { SqliteDatabase } from './database';

/**
 * The columns of an opinion row that the report adds up (migration 5), from the domain's
 * per-opinion rules: written with every insert and update, so a count never parses JSON.
 */
export const figureColumns = (o: Opinion) => {
  const f = figureFields(o);
  return {
    category: o.category,
    created_month: f.month,
    replied_at: f.repliedAt,
    replied_on_time: f.repliedOnTime ? 1 : 0,
    resolved: f.resolved ? 1 : 0,
    satisfaction: f.satisfaction,
  };
};

// The statuses are the domain's constants, fixed words: inlined so the planner sees literals.
const list = (statuses: readonly string[]) => statuses.map((s) => `'${s}'`).join(', ');

const SUMS = `
  COUNT(*) AS collected,
  SUM(CASE WHEN replied_at IS NOT NULL THEN 1 ELSE 0 END) AS replied,
  SUM(replied_on_time) AS onTime,
  SUM(resolved) AS resolved,
  SUM(CASE WHEN satisfaction = 'satisfied' THEN 1 ELSE 0 END) AS ratedSatisfied,
  SUM(CASE WHEN satisfaction = 'basically_satisfied' THEN 1 ELSE 0 END) AS ratedBasicallySatisfied,
  SUM(CASE WHEN satisfaction = 'dissatisfied' THEN 1 ELSE 0 END) AS ratedDissatisfied,
  SUM(CASE WHEN status IN (${list(OPEN_STATUSES)}) AND reply_due_date < @today THEN 1 ELSE 0 END) AS overdue`;

/** The WHERE clauses of a report's filters, the deputy being `deputyColumn` of the table read. */
const filterClauses = (filters: FigureFilters, deputyColumn: string): string[] => [
  ...(filters.stationId !== undefined ? ['station_id = @stationId'] : []),
  ...(filters.deputyId !== undefined ? [`${deputyColumn} = @deputyId`] : []),
  ...(filters.category !== undefined ? ['category = @category'] : []),
];

const GROUP_KEY: Record<FigureGrouping, string> = {
  station: 'station_id',
  deputy: "COALESCE(assigned_deputy_id, '')",
  category: 'category',
  month: 'created_month',
};

/**
 * The SQL of a count from the opinions themselves: one pass over the period's rows of an index,
 * never the JSON. The counters answer for whole months; this counts the partial ones.
 */
export function figuresSql(query: FigureQuery, groupBy?: FigureGrouping): string {
  const where = [
    'created_at >= @fromMs',
    'created_at < @toMs',
    `status NOT IN (${list(NOT_COLLECTED)})`,
    ...filterClauses(query, 'assigned_deputy_id'),
  ].join(' AND ');
  const key = groupBy ? `${GROUP_KEY[groupBy]} AS key,` : '';
  return `SELECT ${key} ${SUMS} FROM opinions WHERE ${where}${groupBy ? ' GROUP BY key ORDER BY key' : ''}`;
}

type CountRow = { [K in keyof RawCounts]: number | null } & { key?: string };

// SUM over no rows is NULL.
const countsOf = (row: CountRow | undefined): RawCounts => {
  const counts = { ...ZERO_COUNTS };
  for (const k of Object.keys(counts) as Array<keyof RawCounts>) counts[k] = row?.[k] ?? 0;
  return counts;
};

const COUNTER_KEY: Record<FigureGrouping, string> = {
  station: 'station_id',
  deputy: 'deputy_id',
  category: 'category',
  month: 'month',
};

/** The SQL that sums the figure counters (migration 16) of a run of months: a few rows per month. */
export function countersSql(filters: FigureFilters, groupBy?: FigureGrouping): string {
  const where = ['month >= @first', 'month <= @last', ...filterClauses(filters, 'deputy_id')].join(' AND ');
  const key = groupBy ? `${COUNTER_KEY[groupBy]} AS key,` : '';
  return `SELECT ${key} SUM(collected) AS collected, SUM(replied) AS replied, SUM(on_time) AS onTime,
    SUM(resolved) AS resolved, SUM(rated_satisfied) AS ratedSatisfied,
    SUM(rated_basically_satisfied) AS ratedBasicallySatisfied, SUM(rated_dissatisfied) AS ratedDissatisfied
    FROM figure_counters WHERE ${where}${groupBy ? ' GROUP BY key' : ''}`;
}

/**
 * The SQL of overdue: the open cases due before today and created in the period, off the
 * partial index of open cases (opinions_open_due), so it reads the backlog, not the years.
 */
export function overdueSql(query: FigureQuery, groupBy?: FigureGrouping): string {
  const where = [
    `status IN (${list(OPEN_STATUSES)})`,
    'reply_due_date < @today',
    'created_at >= @fromMs',
    'created_at < @toMs',
    ...filterClauses(query, 'assigned_deputy_id'),
  ].join(' AND ');
  const key = groupBy ? `${GROUP_KEY[groupBy]} AS key,` : '';
  return `SELECT ${key} COUNT(*) AS overdue FROM opinions INDEXED BY opinions_open_due WHERE ${where}${
    groupBy ? ' GROUP BY key' : ''
  }`;
}

const filterParams = (f: FigureFilters) => ({
  ...(f.stationId !== undefined ? { stationId: f.stationId } : {}),
  ...(f.deputyId !== undefined ? { deputyId: f.deputyId } : {}),
  ...(f.category !== undefined ? { category: f.category } : {}),
});

/**
 * countFigures and countFiguresBy on SQLite: the figure counters for whole months, SUM(CASE …)
 * over the opinions' columns for the partial months at the ends, overdue off the open cases
 * (figure-counting.ts).
 */
export function createSqliteFigures(db: SqliteDatabase) {
  const statements = new Map<string, ReturnType<SqliteDatabase['prepare']>>();
  const all = (sql: string, params: object) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement.all(params) as CountRow[];
  };
  const period = (query: FigureQuery) => ({
    fromMs: query.fromMs,
    toMs: query.toMs,
    today: query.today,
    ...filterParams(query),
  });
  return figuresFromSources({
    counters: async (first, last, filters, groupBy) =>
      all(countersSql(filters, groupBy), { first, last, ...filterParams(filters) }).map((row) => ({
        key: row.key ?? '',
        counts: countsOf(row),
      })),
    opinions: async (query, groupBy) =>
      all(figuresSql(query, groupBy), period(query)).map((row) => ({ key: row.key ?? '', counts: countsOf(row) })),
    overdue: async (query, groupBy) =>
      (all(overdueSql(query, groupBy), period(query)) as Array<{ key?: string; overdue: number }>).map((row) => ({
        key: row.key ?? '',
        overdue: row.overdue,
      })),
  });
}
