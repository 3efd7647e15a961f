import {
  COUNTER_FIELDS,
  type CounterCounts,
  type CounterRecount,
  compareCounters,
  figureCounterId,
  monthInstants,
  openCaseId,
} from '../../../src/domain/figure-counters';
import type { SqliteDatabase } from './database';

/*
 * The counters of migration 16 on SQLite. Its triggers move them with every write of an opinion
 * row; this file reads the open cases for routing and recounts a month from the opinions.
 */

const COLUMNS: Record<keyof CounterCounts, string> = {
  collected: 'collected',
  replied: 'replied',
  onTime: 'on_time',
  resolved: 'resolved',
  ratedSatisfied: 'rated_satisfied',
  ratedBasicallySatisfied: 'rated_basically_satisfied',
  ratedDissatisfied: 'rated_dissatisfied',
};

const SELECT_COUNTS = COUNTER_FIELDS.map((f) => `${COLUMNS[f]} AS ${f}`).join(', ');

// The counters' rules (figureContribution, openCaseOf) over the opinions' figure columns, as the
// triggers of migration 16 apply them.
const RECOUNT_MONTH = `SELECT station_id AS stationId, COALESCE(assigned_deputy_id, '') AS deputyId, category,
    COUNT(*) AS collected, SUM(replied_at IS NOT NULL) AS replied, SUM(replied_on_time) AS onTime,
    SUM(resolved) AS resolved, SUM(satisfaction IS 'satisfied') AS ratedSatisfied,
    SUM(satisfaction IS 'basically_satisfied') AS ratedBasicallySatisfied,
    SUM(satisfaction IS 'dissatisfied') AS ratedDissatisfied
  FROM opinions WHERE created_at >= @fromMs AND created_at < @toMs AND created_month = @month AND status <> 'withdrawn'
  GROUP BY 1, 2, 3`;
const RECOUNT_OPEN = `SELECT station_id AS stationId, assigned_deputy_id AS deputyId, COUNT(*) AS open FROM opinions
  WHERE status IN ('assigned', 'transferred') AND assigned_deputy_id IS NOT NULL GROUP BY 1, 2`;

type KeyRow = { stationId: string; deputyId: string; category?: string } & Record<string, number | string>;

const countsOf = (row: Record<string, unknown>, fields: readonly string[]) =>
  Object.fromEntries(fields.map((f) => [f, Number(row[f] ?? 0)]));

/** countOpenByDeputy and recountCounters on SQLite. */
export function createSqliteCounters(db: SqliteDatabase) {
  const openOfStation = db.prepare(
    'SELECT deputy_id AS deputy, open FROM open_case_counters WHERE station_id = ? AND open > 0',
  );
  const storedMonth = db.prepare(
    `SELECT station_id AS stationId, deputy_id AS deputyId, category, ${SELECT_COUNTS} FROM figure_counters WHERE month = ?`,
  );
  const storedOpen = db.prepare('SELECT station_id AS stationId, deputy_id AS deputyId, open FROM open_case_counters');
  const recountMonth = db.prepare(RECOUNT_MONTH);
  const recountOpen = db.prepare(RECOUNT_OPEN);
  const clearMonth = db.prepare('DELETE FROM figure_counters WHERE month = ?');
  const clearOpen = db.prepare('DELETE FROM open_case_counters');
  const insertCounter = db.prepare(
    `INSERT INTO figure_counters (month, station_id, deputy_id, category, ${COUNTER_FIELDS.map((f) => COLUMNS[f]).join(', ')})
     VALUES (@month, @stationId, @deputyId, @category, ${COUNTER_FIELDS.map((f) => `@${f}`).join(', ')})`,
  );
  const insertOpen = db.prepare(
    'INSERT INTO open_case_counters (station_id, deputy_id, open) VALUES (@stationId, @deputyId, @open)',
  );

  // One transaction: no write of an opinion comes between the recount and the repair.
  const recount = db.transaction((month: string, repair: boolean): CounterRecount => {
    const { fromMs, toMs } = monthInstants(month);
    const figureId = (r: KeyRow) =>
      figureCounterId({ month, stationId: r.stationId, deputyId: r.deputyId, category: r.category ?? '' });
    const openId = (r: KeyRow) => openCaseId({ stationId: r.stationId, deputyId: r.deputyId });
    const byId = (rows: KeyRow[], id: (r: KeyRow) => string, fields: readonly string[]) =>
      new Map(rows.map((r) => [id(r), countsOf(r, fields)]));
    const recountedMonth = recountMonth.all({ month, fromMs, toMs }) as KeyRow[];
    const recountedOpen = recountOpen.all() as KeyRow[];
    const storedRows = storedMonth.all(month) as KeyRow[];
    const storedOpenRows = storedOpen.all() as KeyRow[];
    const figures = compareCounters(
      'figure',
      byId(storedRows, figureId, COUNTER_FIELDS),
      byId(recountedMonth, figureId, COUNTER_FIELDS),
    );
    const open = compareCounters('open', byId(storedOpenRows, openId, ['open']), byId(recountedOpen, openId, ['open']));
    const differences = [...figures.differences, ...open.differences];
    const repairing = repair && differences.length > 0;
    if (repairing) {
      clearMonth.run(month);
      for (const r of recountedMonth) insertCounter.run({ ...countsOf(r, COUNTER_FIELDS), month, ...keyOf(r) });
      clearOpen.run();
      for (const r of recountedOpen) insertOpen.run({ stationId: r.stationId, deputyId: r.deputyId, open: r.open });
    }
    return { month, checked: figures.checked + open.checked, differences, repaired: repairing };
  });

  return {
    countOpenByDeputy: async (stationId: string) =>
      new Map((openOfStation.all(stationId) as Array<{ deputy: string; open: number }>).map((r) => [r.deputy, r.open])),
    recountCounters: async (month: string, repair: boolean) => recount(month, repair),
    // The triggers of migration 16 create a counter in the statement that first moves it, inside
    // the opinion's own transaction: opening it ahead would save no request, only add rows.
    openFigureCounters: async () => 0,
  };
}

const keyOf = (r: KeyRow) => ({ stationId: r.stationId, deputyId: r.deputyId, category: r.category ?? '' });
