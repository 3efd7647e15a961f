import { AppError } from './errors';
import type { ActorRole, OpinionStatus } from './opinion';

/** What can be done to an opinion. */
export type OpinionAction =
  'hold' | 'release' | 'assign' | 'transfer' | 'reply' | 'resolve' | 'reopen' | 'close' | 'reject' | 'withdraw';

interface Transition {
  from: readonly OpinionStatus[];
  to: OpinionStatus;
  by: readonly ActorRole[];
}

/**
 * The lifecycle table (docs/DESIGN.md, The opinion lifecycle). Every change of status goes through
 * `transition`, which accepts only a row of this table: the action, a current status in `from`, and
 * an actor in `by`.
 */
export const LIFECYCLE: Readonly<Record<OpinionAction, Transition>> = {
  hold: { from: ['submitted'], to: 'held', by: ['system'] },
  release: { from: ['held'], to: 'submitted', by: ['staff', 'admin'] },
  assign: { from: ['submitted', 'assigned', 'transferred'], to: 'assigned', by: ['system', 'staff', 'admin'] },
  transfer: { from: ['assigned', 'transferred'], to: 'transferred', by: ['deputy'] },
  reply: { from: ['assigned', 'transferred'], to: 'replied', by: ['deputy'] },
  resolve: { from: ['replied'], to: 'resolved', by: ['staff', 'admin'] },
  reopen: { from: ['resolved'], to: 'assigned', by: ['voter'] },
  close: { from: ['resolved'], to: 'closed', by: ['voter', 'staff', 'admin', 'system'] },
  reject: { from: ['submitted', 'held', 'assigned', 'transferred'], to: 'rejected', by: ['staff', 'admin'] },
  withdraw: { from: ['submitted', 'held', 'assigned', 'transferred'], to: 'withdrawn', by: ['voter'] },
};

/** Whether `action` by `actor` is allowed on an opinion in `status`. */
export function canTransition(status: OpinionStatus, action: OpinionAction, actor: ActorRole): boolean {
  const row = LIFECYCLE[action];
  return row.from.includes(status) && row.by.includes(actor);
}

/**
 * The status after `action`, or CONFLICT (FORBIDDEN when the actor may never do it) with a
 * message the user can act on. Nothing outside this table changes a status.
 */
export function transition(status: OpinionStatus, action: OpinionAction, actor: ActorRole): OpinionStatus {
  const row = LIFECYCLE[action];
  if (!row.by.includes(actor)) throw new AppError('FORBIDDEN');
  if (!row.from.includes(status)) throw new AppError('CONFLICT', '这条意见的状态已经变化，请刷新后再操作');
  return row.to;
}
