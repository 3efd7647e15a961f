import { AppError } from './errors';
import type { SuggestionStatus } from './suggestion';

/** Who moves a 建议: its deputies, the committee, a handling unit, or the scheduler. */
export type SuggestionActor = 'deputy' | 'admin' | 'unit' | 'system';

/** What can be done to a 建议. */
export type SuggestionAction =
  | 'edit'
  | 'cosign'
  | 'submit'
  | 'withdraw'
  | 'decline'
  | 'assign'
  | 'requestReturn'
  | 'reassign'
  | 'refuseReturn'
  | 'extend'
  | 'coView'
  | 'answer'
  | 'settle'
  | 'sendBack'
  | 'fulfil'
  | 'supervise'
  | 'markOverdue'
  | 'remind'
  | 'followPlan';

interface SuggestionTransition {
  from: readonly SuggestionStatus[];
  /** The status after it; 'same' for a step that records something without moving the 建议. */
  to: SuggestionStatus | 'same';
  by: readonly SuggestionActor[];
}

const HANDLING: readonly SuggestionStatus[] = ['assigned', 'returned', 'redo'];

/**
 * The 建议 lifecycle table (docs/DESIGN.md, 代表建议 and 承办单位). Every change of a 建议 goes
 * through `suggestionTransition`, which accepts only a row of this table; the services narrow the
 * roles further (only the 领衔 deputy submits, only the 主办 unit answers …).
 */
export const SUGGESTION_LIFECYCLE: Readonly<Record<SuggestionAction, SuggestionTransition>> = {
  edit: { from: ['draft'], to: 'same', by: ['deputy'] },
  cosign: { from: ['draft'], to: 'same', by: ['deputy'] },
  submit: { from: ['draft'], to: 'submitted', by: ['deputy'] },
  withdraw: { from: ['draft', 'submitted'], to: 'withdrawn', by: ['deputy'] },
  decline: { from: ['submitted'], to: 'declined', by: ['admin'] },
  assign: { from: ['submitted'], to: 'assigned', by: ['admin'] },
  requestReturn: { from: ['assigned'], to: 'returned', by: ['unit'] },
  reassign: { from: ['returned'], to: 'assigned', by: ['admin'] },
  refuseReturn: { from: ['returned'], to: 'assigned', by: ['admin'] },
  extend: { from: ['assigned', 'returned'], to: 'same', by: ['admin'] },
  coView: { from: HANDLING, to: 'same', by: ['unit'] },
  answer: { from: ['assigned', 'redo'], to: 'answered', by: ['unit'] },
  settle: { from: ['answered'], to: 'settled', by: ['deputy'] },
  sendBack: { from: ['answered'], to: 'redo', by: ['deputy'] },
  fulfil: { from: ['answered', 'settled'], to: 'same', by: ['unit'] },
  supervise: { from: ['submitted', 'assigned', 'returned', 'answered', 'redo'], to: 'same', by: ['admin'] },
  markOverdue: { from: ['submitted', 'assigned', 'returned', 'redo'], to: 'same', by: ['system'] },
  remind: { from: ['assigned', 'returned', 'redo'], to: 'same', by: ['system'] },
  // A B-class answer's planned date passed without its 落实 reported: the committee is told.
  followPlan: { from: ['answered', 'settled'], to: 'same', by: ['system'] },
};

/** Whether `action` by `actor` is allowed on a 建议 in `status`. */
export function canMoveSuggestion(status: SuggestionStatus, action: SuggestionAction, actor: SuggestionActor): boolean {
  const row = SUGGESTION_LIFECYCLE[action];
  return row.from.includes(status) && row.by.includes(actor);
}

/**
 * The status after `action`, or FORBIDDEN when the actor may never do it, CONFLICT when the 建议
 * is not in a status the row starts from. Nothing outside this table changes a 建议's status.
 */
export function suggestionTransition(
  status: SuggestionStatus,
  action: SuggestionAction,
  actor: SuggestionActor,
): SuggestionStatus {
  const row = SUGGESTION_LIFECYCLE[action];
  if (!row.by.includes(actor)) throw new AppError('FORBIDDEN');
  if (!row.from.includes(status)) throw new AppError('CONFLICT', '这件建议的状态已经变化，请刷新后再操作');
  return row.to === 'same' ? status : row.to;
}
