import type { EvaluationParticipation, EvaluationRound } from '../../../src/domain/evaluation';
import type { Satisfaction } from '../../../src/domain/opinion';
import type {
  EvaluationComment,
  EvaluationCountRow,
  EvaluationStore,
  ReplyDuration,
} from '../../ports/evaluation-store';
import { addToBallot, ballotId, type Ballot } from './evaluation-ballots';
import { getDocument, PAGE, RolledBack, strip, txDocument, writeAudit } from './documents';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's query and aggregate builders are untyped */
type Db = any;
type Tx = any;

/**
 * 代表述职评议 on CloudBase, as a ballot box. A participation's _id is
 * `<roundId>_<deputyId>_<openid>`, read and written in one transaction with the answer, so a
 * voter's second rating of a deputy finds the first and writes nothing. The answer goes into the
 * deputy's one ballot document of the round (evaluation-ballots.ts): counters, and the comment at
 * a random place in its list — no document per answer, whose _id or place in the collection
 * could follow the order of arrival, and no voter or time anywhere in it.
 */
export function createCloudbaseEvaluationStore(db: Db): EvaluationStore {
  const _ = db.command;
  const $ = _.aggregate;
  const participationId = (p: EvaluationParticipation) => `${p.roundId}_${p.deputyId}_${p.voterOpenid}`;
  const ballotsOf = (roundId: string) =>
    pages<Ballot & { _id?: string }>((after) =>
      db.collection('evaluation_ballots').where({ roundId, _id: _.gt(after) }),
    );

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
        await writeAudit(tx, audit);
      });
    },
    closeRoundEarly: async (roundId, on, audit) => {
      await db.runTransaction(async (tx: Tx) => {
        await tx.collection('evaluation_rounds').doc(roundId).update({ closedEarlyOn: on });
        await writeAudit(tx, audit);
      });
    },
    addEvaluation: async (participation, answer, audit) => {
      const id = participationId(participation);
      const box = ballotId(answer);
      try {
        await db.runTransaction(async (tx: Tx) => {
          if (txDocument(await tx.collection('evaluation_participants').doc(id).get())) throw new RolledBack();
          const ballot = txDocument<Record<string, unknown>>(await tx.collection('evaluation_ballots').doc(box).get());
          await tx
            .collection('evaluation_participants')
            .doc(id)
            .set({ ...participation });
          await tx
            .collection('evaluation_ballots')
            .doc(box)
            .set({ ...addToBallot(ballot ? strip<Ballot>(ballot) : undefined, answer) });
          await writeAudit(tx, audit);
        });
        return true;
      } catch (error) {
        if (error instanceof RolledBack) return false;
        throw error;
      }
    },
    listParticipationsByVoter: async (openid) => {
      const rows = await pages<EvaluationParticipation>((after) =>
        db.collection('evaluation_participants').where({ voterOpenid: openid, _id: _.gt(after) }),
      );
      return rows
        .map(({ roundId, deputyId, voterOpenid }) => ({ roundId, deputyId, voterOpenid }))
        .sort((a, b) =>
          a.roundId === b.roundId ? (a.deputyId < b.deputyId ? -1 : 1) : a.roundId < b.roundId ? -1 : 1,
        );
    },
    countEvaluations: async (roundId) => {
      const rows: EvaluationCountRow[] = [];
      for (const ballot of await ballotsOf(roundId)) {
        for (const satisfaction of Object.keys(ballot.counts).sort() as Satisfaction[]) {
          const count = Number(ballot.counts[satisfaction] ?? 0);
          if (count > 0) rows.push({ deputyId: ballot.deputyId, satisfaction, count });
        }
      }
      return rows.sort((a, b) =>
        a.deputyId === b.deputyId ? (a.satisfaction < b.satisfaction ? -1 : 1) : a.deputyId < b.deputyId ? -1 : 1,
      );
    },
    countEvaluators: async (roundId) => {
      const res = await db
        .collection('evaluation_participants')
        .aggregate()
        .match({ roundId })
        .group({ _id: '$voterOpenid' })
        .count('n')
        .end();
      return Number((res.data?.[0] as { n?: number } | undefined)?.n ?? 0);
    },
    listEvaluationComments: async (roundId, deputyIds, limit) => {
      if (deputyIds.length === 0) return [];
      // A ballot's comments are already in random places: its first `limit` are as good as any.
      const ballots = (await ballotsOf(roundId)).filter((b) => deputyIds.includes(b.deputyId));
      return ballots
        .sort((a, b) => (a.deputyId < b.deputyId ? -1 : 1))
        .flatMap((b) =>
          b.comments.slice(0, limit).map((c): EvaluationComment => ({
            deputyId: b.deputyId,
            satisfaction: c.satisfaction,
            comment: c.comment,
          })),
        );
    },
    getVoterDistrict: async (openid) =>
      (await getDocument<{ district: string }>(db.collection('voter_districts'), openid))?.district ?? null,
    setVoterDistrict: async (openid, district, at, audit) => {
      await db.runTransaction(async (tx: Tx) => {
        await tx.collection('voter_districts').doc(openid).set({ district, updatedAt: at });
        await writeAudit(tx, audit);
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
