import { randomUUID } from 'node:crypto';
import type { DeputyEvaluation, EvaluationRound } from '../../../src/domain/evaluation';
import type { Satisfaction } from '../../../src/domain/opinion';
import type {
  EvaluationComment,
  EvaluationCountRow,
  EvaluationStore,
  ReplyDuration,
} from '../../ports/evaluation-store';
import type { AuditEntry } from '../../ports/store-types';
import { getDocument, PAGE, RolledBack, strip, txDocument } from './documents';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's query and aggregate builders are untyped */
type Db = any;
type Tx = any;

/** Most deputies a round can list; a district elects a handful. */
const MAX_GROUPS = 1000;

/**
 * 代表述职评议 on CloudBase. A rating's _id is `<roundId>_<deputyId>_<openid>`, read and
 * written in one transaction, so a voter's second rating of a deputy finds the first and writes
 * nothing; the counts are aggregations (one read each, whatever the number of ratings).
 */
export function createCloudbaseEvaluationStore(db: Db): EvaluationStore {
  const _ = db.command;
  const $ = _.aggregate;
  const auditId = (audit: AuditEntry) => `${audit.at}-${randomUUID()}`;
  const evaluationId = (e: Pick<DeputyEvaluation, 'roundId' | 'deputyId' | 'voterOpenid'>) =>
    `${e.roundId}_${e.deputyId}_${e.voterOpenid}`;

  async function pages<T>(query: (after: string) => any): Promise<T[]> {
    const out: T[] = [];
    let after = '';
    for (;;) {
      const res = await query(after).orderBy('_id', 'asc').limit(PAGE).get();
      const page = (res.data ?? []) as Array<Record<string, unknown>>;
      out.push(...page.map((d) => strip<T>(d)));
      if (page.length < PAGE) return out;
      after = String(page[page.length - 1]!._id);
    }
  }

  return {
    listRounds: async () => {
      const rounds = await pages<EvaluationRound>((after) =>
        db.collection('evaluation_rounds').where({ _id: _.gt(after) }),
      );
      return rounds.sort((a, b) => (a.opensOn === b.opensOn ? (a.id < b.id ? -1 : 1) : a.opensOn > b.opensOn ? -1 : 1));
    },
    getRound: (roundId) => getDocument<EvaluationRound>(db.collection('evaluation_rounds'), roundId),
    createRound: async (round, audit) => {
      await db.runTransaction(async (tx: Tx) => {
        await tx
          .collection('evaluation_rounds')
          .doc(round.id)
          .set({ ...round });
        await tx
          .collection('audit_log')
          .doc(auditId(audit))
          .set({ ...audit });
      });
    },
    closeRoundEarly: async (roundId, on, audit) => {
      await db.runTransaction(async (tx: Tx) => {
        await tx.collection('evaluation_rounds').doc(roundId).update({ closedEarlyOn: on });
        await tx
          .collection('audit_log')
          .doc(auditId(audit))
          .set({ ...audit });
      });
    },
    addEvaluation: async (evaluation, audit) => {
      const id = evaluationId(evaluation);
      try {
        await db.runTransaction(async (tx: Tx) => {
          if (txDocument(await tx.collection('deputy_evaluations').doc(id).get())) throw new RolledBack();
          await tx
            .collection('deputy_evaluations')
            .doc(id)
            .set({ ...evaluation });
          await tx
            .collection('audit_log')
            .doc(auditId(audit))
            .set({ ...audit });
        });
        return true;
      } catch (error) {
        if (error instanceof RolledBack) return false;
        throw error;
      }
    },
    listEvaluationsByVoter: async (openid) => {
      const rows = await pages<DeputyEvaluation>((after) =>
        db.collection('deputy_evaluations').where({ voterOpenid: openid, _id: _.gt(after) }),
      );
      return rows.sort((a, b) => (a.roundId + a.deputyId < b.roundId + b.deputyId ? -1 : 1));
    },
    countEvaluations: async (roundId) => {
      const res = await db
        .collection('deputy_evaluations')
        .aggregate()
        .match({ roundId })
        .group({ _id: { deputyId: '$deputyId', satisfaction: '$satisfaction' }, count: $.sum(1) })
        .limit(MAX_GROUPS * 3)
        .end();
      return ((res.data ?? []) as Array<{ _id: { deputyId: string; satisfaction: Satisfaction }; count: number }>)
        .map((r): EvaluationCountRow => ({ ...r._id, count: Number(r.count) }))
        .sort((a, b) =>
          a.deputyId === b.deputyId ? (a.satisfaction < b.satisfaction ? -1 : 1) : a.deputyId < b.deputyId ? -1 : 1,
        );
    },
    countEvaluators: async (roundId) => {
      const res = await db
        .collection('deputy_evaluations')
        .aggregate()
        .match({ roundId })
        .group({ _id: '$voterOpenid' })
        .count('n')
        .end();
      return Number((res.data?.[0] as { n?: number } | undefined)?.n ?? 0);
    },
    listEvaluationComments: async (roundId, deputyIds, limit) => {
      if (deputyIds.length === 0) return [];
      // One aggregation for every deputy: sorted newest first, pushed per deputy in that order,
      // each deputy's list cut to `limit`.
      const res = await db
        .collection('deputy_evaluations')
        .aggregate()
        .match({ roundId, deputyId: _.in([...deputyIds]), comment: _.exists(true) })
        .sort({ deputyId: 1, at: -1, voterOpenid: 1 })
        .group({
          _id: '$deputyId',
          comments: $.push({ satisfaction: '$satisfaction', comment: '$comment', at: '$at' }),
        })
        .project({ _id: 0, deputyId: '$_id', comments: $.slice(['$comments', limit]) })
        .limit(MAX_GROUPS)
        .end();
      type Group = { deputyId: string; comments: Array<Omit<EvaluationComment, 'deputyId'>> };
      return ((res.data ?? []) as Group[])
        .sort((a, b) => (a.deputyId < b.deputyId ? -1 : 1))
        .flatMap((g) => g.comments.map((c): EvaluationComment => ({ deputyId: g.deputyId, ...c, at: Number(c.at) })));
    },
    getVoterDistrict: async (openid) =>
      (await getDocument<{ district: string }>(db.collection('voter_districts'), openid))?.district ?? null,
    setVoterDistrict: async (openid, district, at, audit) => {
      await db.runTransaction(async (tx: Tx) => {
        await tx.collection('voter_districts').doc(openid).set({ district, updatedAt: at });
        await tx
          .collection('audit_log')
          .doc(auditId(audit))
          .set({ ...audit });
      });
    },
    replyDurations: async (deputyIds, fromMs, toMs) => {
      if (deputyIds.length === 0) return [];
      const res = await db
        .collection('opinions')
        .aggregate()
        .match({
          assignedDeputyId: _.in([...deputyIds]),
          createdAt: _.gte(fromMs).and(_.lt(toMs)),
          status: _.neq('withdrawn'),
          'reply.at': _.exists(true),
          assignedAt: _.exists(true),
        })
        .project({ _id: 0, deputyId: '$assignedDeputyId', ms: $.subtract(['$reply.at', '$assignedAt']) })
        .limit(100_000)
        .end();
      return ((res.data ?? []) as ReplyDuration[]).map((r) => ({ deputyId: r.deputyId, ms: Number(r.ms) }));
    },
  };
}
