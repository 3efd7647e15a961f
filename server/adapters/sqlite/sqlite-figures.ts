import { figureFields, NOT_COLLECTED, OPEN_STATUSES, type RawCounts, ZERO_COUNTS } from '../../../src/domain/figures';
import type { Opinion } from '../../../src/domain/opinion';
import type { FigureGrouping, FigureQuery, FigureRow } from '../../ports/figure-query';
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

const GROUP_KEY: Record<FigureGrouping, string> = {
  station: 'station_id',
  deputy: "COALESCE(assigned_deputy_id, '')",
  category: 'category',
  month: 'created_month',
};

/** The SQL of a count: one pass over the period's rows of an index, never the JSON. */
export function figuresSql(query: FigureQuery, groupBy?: FigureGrouping): string {
  const where = [
    'created_at >= @fromMs',
    'created_at < @toMs',
    `status NOT IN (${list(NOT_COLLECTED)})`,
    ...(query.stationId !== undefined ? ['station_id = @stationId'] : []),
    ...(query.deputyId !== undefined ? ['assigned_deputy_id = @deputyId'] : []),
    ...(query.category !== undefined ? ['category = @category'] : []),
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

/** countFigures and countFiguresBy on SQLite: SUM(CASE …) over real columns. */
export function createSqliteFigures(db: SqliteDatabase) {
  const statements = new Map<string, ReturnType<SqliteDatabase['prepare']>>();
  const run = (query: FigureQuery, groupBy?: FigureGrouping) => {
    const sql = figuresSql(query, groupBy);
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    const { stationId, deputyId, category } = query;
    const params = {
      fromMs: query.fromMs,
      toMs: query.toMs,
      today: query.today,
      ...(stationId !== undefined ? { stationId } : {}),
      ...(deputyId !== undefined ? { deputyId } : {}),
      ...(category !== undefined ? { category } : {}),
    };
    return statement.all(params) as CountRow[];
  };
  return {
    countFigures: async (query: FigureQuery): Promise<RawCounts> => countsOf(run(query)[0]),
    countFiguresBy: async (query: FigureQuery, groupBy: FigureGrouping): Promise<FigureRow[]> =>
      run(query, groupBy).map((row) => ({ key: row.key ?? '', counts: countsOf(row) })),
  };
}
