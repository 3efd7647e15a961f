import { randomUUID } from 'node:crypto';
import type { EvaluationAnswer, EvaluationParticipation, EvaluationRound } from '../../../src/domain/evaluation';
import type {
  EvaluationComment,
  EvaluationCountRow,
  EvaluationStore,
  ReplyDuration,
} from '../../ports/evaluation-store';
import type { AuditEntry } from '../../ports/store-types';
import type { SqliteDatabase } from './database';
import { auditWriter } from './rows';

/**
 * 代表述职评议 on SQLite, as a ballot box: `evaluation_participants` (who rated which deputy,
 * unique by its key) and `evaluation_answers` (what was answered, under a random id, with no
 * voter and no time) are written in one transaction; both are WITHOUT ROWID tables, so no hidden
 * rowid records the order of arrival, and answers are read by id, an order unrelated to it.
 */
export function createSqliteEvaluationStore(db: SqliteDatabase): EvaluationStore {
  const writeAudit = auditWriter(db);
  const listRounds = db.prepare('SELECT doc FROM evaluation_rounds ORDER BY opens_on DESC, id');
  const getRound = db.prepare('SELECT doc FROM evaluation_rounds WHERE id = ?');
  const insertRound = db.prepare('INSERT INTO evaluation_rounds (id, district, opens_on, doc) VALUES (?, ?, ?, ?)');
  const updateRound = db.prepare('UPDATE evaluation_rounds SET doc = ? WHERE id = ?');
  const insertParticipant = db.prepare(
    `INSERT INTO evaluation_participants (round_id, deputy_id, voter_openid)
     VALUES (@roundId, @deputyId, @voterOpenid) ON CONFLICT DO NOTHING`,
  );
  const insertAnswer = db.prepare(
    `INSERT INTO evaluation_answers (id, round_id, deputy_id, satisfaction, comment)
     VALUES (@id, @roundId, @deputyId, @satisfaction, @comment)`,
  );
  const byVoter = db.prepare(
    `SELECT round_id AS roundId, deputy_id AS deputyId, voter_openid AS voterOpenid FROM evaluation_participants
     WHERE voter_openid = ? ORDER BY round_id, deputy_id`,
  );
  const counts = db.prepare(
    `SELECT deputy_id AS deputyId, satisfaction, COUNT(*) AS count FROM evaluation_answers
     WHERE round_id = ? GROUP BY deputy_id, satisfaction ORDER BY deputy_id, satisfaction`,
  );
  const evaluators = db.prepare(
    'SELECT COUNT(DISTINCT voter_openid) AS n FROM evaluation_participants WHERE round_id = ?',
  );
  // Up to the limit of each deputy asked for, in id order (random, unrelated to arrival); the
  // deputies come as one JSON array parameter, so that one statement serves any number of them.
  const comments = db.prepare(
    `SELECT deputyId, satisfaction, comment FROM (
       SELECT deputy_id AS deputyId, satisfaction, comment,
              ROW_NUMBER() OVER (PARTITION BY deputy_id ORDER BY id) AS n
       FROM evaluation_answers
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
      writeAudit(audit);
    });
  const create = withAudit((round: EvaluationRound) => {
    insertRound.run(round.id, round.district, round.opensOn, JSON.stringify(round));
  });
  const close = withAudit((round: EvaluationRound) => {
    updateRound.run(JSON.stringify(round), round.id);
  });
  const rate = db.transaction((p: EvaluationParticipation, a: EvaluationAnswer, audit: AuditEntry) => {
    const added = insertParticipant.run(p).changes === 1;
    if (!added) return false;
    insertAnswer.run({
      id: randomUUID(),
      roundId: a.roundId,
      deputyId: a.deputyId,
      satisfaction: a.satisfaction,
      comment: a.comment ?? null,
    });
    writeAudit(audit);
    return true;
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
    addEvaluation: async (participation, answer, audit) => rate(participation, answer, audit),
    listParticipationsByVoter: async (openid) => byVoter.all(openid) as EvaluationParticipation[],
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
