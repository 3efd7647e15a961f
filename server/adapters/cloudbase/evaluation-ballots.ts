import { randomInt } from 'node:crypto';
import type { EvaluationAnswer } from '../../../src/domain/evaluation';
import type { Satisfaction } from '../../../src/domain/opinion';

/**
 * A deputy's ballot box in one round on CloudBase: one document per round and deputy holding how
 * many gave each answer and the comments, and nothing else — no voter, no time, no document per
 * answer (whose _id or place in the collection could follow the order of arrival). Each comment
 * is put at a random place in the list, so that its position says nothing of when it came.
 */
export interface Ballot {
  roundId: string;
  deputyId: string;
  counts: Partial<Record<Satisfaction, number>>;
  comments: Array<{ satisfaction: Satisfaction; comment: string }>;
}

/** The ballot document of a round and deputy. */
export const ballotId = (a: Pick<EvaluationAnswer, 'roundId' | 'deputyId'>) => `${a.roundId}_${a.deputyId}`;

/** The ballot with one more answer: its counter raised, its comment (if any) at a random place. */
export function addToBallot(
  ballot: Ballot | undefined,
  answer: EvaluationAnswer,
  pick: (max: number) => number = (max) => randomInt(max),
): Ballot {
  const base: Ballot = ballot ?? { roundId: answer.roundId, deputyId: answer.deputyId, counts: {}, comments: [] };
  const comments = [...(base.comments ?? [])];
  if (answer.comment) {
    comments.splice(pick(comments.length + 1), 0, { satisfaction: answer.satisfaction, comment: answer.comment });
  }
  return {
    roundId: base.roundId,
    deputyId: base.deputyId,
    counts: { ...base.counts, [answer.satisfaction]: Number(base.counts?.[answer.satisfaction] ?? 0) + 1 },
    comments,
  };
}
