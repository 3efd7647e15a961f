import type { DeputyEvaluation, EvaluationRound } from '../../../src/domain/evaluation';
import type { Satisfaction } from '../../../src/domain/opinion';
import type {
  EvaluationComment,
  EvaluationCountRow,
  EvaluationStore,
  ReplyDuration,
} from '../../ports/evaluation-store';
import type { AuditEntry } from '../../ports/store-types';
import type { SqliteDatabase } from './database';
import { auditToRow } from './rows';

interface EvaluationRow {
  round_id: string;
  deputy_id: string;
  voter_openid: string;
  satisfaction: Satisfaction;
  comment: string | null;
  at: number;
}

const fromRow = (r: EvaluationRow): DeputyEvaluation => ({
  roundId: r.round_id,
  deputyId: r.deputy_id,
  voterOpenid: r.voter_openid,
  satisfaction: r.satisfaction,
  ...(r.comment ? { comment: r.comment } : {}),
  at: r.at,
});

/** 代表述职评议 on SQLite: a voter's rating of a deputy is unique by the table's primary key. */
export function createSqliteEvaluationStore(db: SqliteDatabase): EvaluationStore {
  const insertAudit = db.prepare(
    'INSERT INTO audit_log (at, actor, action, target_type, target_id, detail) VALUES (@at, @actor, @action, @target_type, @target_id, @detail)',
  );
  const listRounds = db.prepare('SELECT doc FROM evaluation_rounds ORDER BY opens_on DESC, id');
  const getRound = db.prepare('SELECT doc FROM evaluation_rounds WHERE id = ?');
  const insertRound = db.prepare('INSERT INTO evaluation_rounds (id, district, opens_on, doc) VALUES (?, ?, ?, ?)');
  const updateRound = db.prepare('UPDATE evaluation_rounds SET doc = ? WHERE id = ?');
  const insertEvaluation = db.prepare(
    `INSERT INTO deputy_evaluations (round_id, deputy_id, voter_openid, satisfaction, comment, at)
     VALUES (@roundId, @deputyId, @voterOpenid, @satisfaction, @comment, @at) ON CONFLICT DO NOTHING`,
  );
  const byVoter = db.prepare('SELECT * FROM deputy_evaluations WHERE voter_openid = ? ORDER BY round_id, deputy_id');
  const counts = db.prepare(
    `SELECT deputy_id AS deputyId, satisfaction, COUNT(*) AS count FROM deputy_evaluations
     WHERE round_id = ? GROUP BY deputy_id, satisfaction ORDER BY deputy_id, satisfaction`,
  );
  const evaluators = db.prepare('SELECT COUNT(DISTINCT voter_openid) AS n FROM deputy_evaluations WHERE round_id = ?');
  // The newest comments of each deputy asked for, ranked within the deputy; the deputies come
  // as one JSON array parameter, so that one statement serves any number of them.
  const comments = db.prepare(
    `SELECT deputyId, satisfaction, comment, at FROM (
       SELECT deputy_id AS deputyId, satisfaction, comment, at,
              ROW_NUMBER() OVER (PARTITION BY deputy_id ORDER BY at DESC, voter_openid) AS n
       FROM deputy_evaluations
       WHERE round_id = ? AND deputy_id IN (SELECT value FROM json_each(?)) AND comment IS NOT NULL)
     WHERE n <= ? ORDER BY deputyId, n`,
  );
  const getDistrict = db.prepare('SELECT district FROM voter_districts WHERE openid = ?');
  const putDistrict = db.prepare(
    `INSERT INTO voter_districts (openid, district, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (openid) DO UPDATE SET district = excluded.district, updated_at = excluded.updated_at`,
  );
  // opinions_deputy_created serves the deputies and period; the reply time needs the document's assignedAt.
  const durations = db.prepare(
    `SELECT assigned_deputy_id AS deputyId, replied_at - json_extract(doc, '$.assignedAt') AS ms FROM opinions
     WHERE assigned_deputy_id IN (SELECT value FROM json_each(?)) AND created_at >= ? AND created_at < ?
       AND replied_at IS NOT NULL AND status != 'withdrawn' AND json_extract(doc, '$.assignedAt') IS NOT NULL`,
  );

  const withAudit = <A extends unknown[]>(write: (...args: A) => void) =>
    db.transaction((audit: AuditEntry, ...args: A) => {
      write(...args);
      insertAudit.run(auditToRow(audit));
    });
  const create = withAudit((round: EvaluationRound) => {
    insertRound.run(round.id, round.district, round.opensOn, JSON.stringify(round));
  });
  const close = withAudit((round: EvaluationRound) => {
    updateRound.run(JSON.stringify(round), round.id);
  });
  const rate = db.transaction((e: DeputyEvaluation, audit: AuditEntry) => {
    const added = insertEvaluation.run({ ...e, comment: e.comment ?? null }).changes === 1;
    if (added) insertAudit.run(auditToRow(audit));
    return added;
  });
  const setDistrict = withAudit((openid: string, district: string, at: number) => {
    putDistrict.run(openid, district, at);
  });
  const round = (row: unknown) => (row ? (JSON.parse((row as { doc: string }).doc) as EvaluationRound) : null);

  return {
    listRounds: async () =>
      (listRounds.all() as Array<{ doc: string }>).map((r) => JSON.parse(r.doc) as EvaluationRound),
    getRound: async (id) => round(getRound.get(id)),
    createRound: async (r, audit) => create(audit, r),
    closeRoundEarly: async (id, on, audit) => {
      const current = round(getRound.get(id));
      if (current) close(audit, { ...current, closedEarlyOn: on });
    },
    addEvaluation: async (e, audit) => rate(e, audit),
    listEvaluationsByVoter: async (openid) => (byVoter.all(openid) as EvaluationRow[]).map(fromRow),
    countEvaluations: async (roundId) => counts.all(roundId) as EvaluationCountRow[],
    countEvaluators: async (roundId) => (evaluators.get(roundId) as { n: number }).n,
    listEvaluationComments: async (roundId, deputyIds, limit) =>
      comments.all(roundId, JSON.stringify(deputyIds), limit) as EvaluationComment[],
    getVoterDistrict: async (openid) => (getDistrict.get(openid) as { district: string } | undefined)?.district ?? null,
    setVoterDistrict: async (openid, district, at, audit) => setDistrict(audit, openid, district, at),
    replyDurations: async (deputyIds, fromMs, toMs) =>
      durations.all(JSON.stringify(deputyIds), fromMs, toMs) as ReplyDuration[],
  };
}
