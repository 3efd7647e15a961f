import type { OpinionStatus } from './opinion';

/**
 * 附议 (`support`): a voter who met the same problem joins an opinion another voter raised,
 * instead of writing it again (docs/DESIGN.md, 附议). Counted once per person; never who.
 */

/**
 * The statuses in which an opinion is still open to 附议 and is offered as similar: submitted,
 * assigned, transferred or replied. Not held (its text is under review and shown to nobody), nor
 * resolved — staff confirmed it settled, so a voter who still meets the problem raises it anew —
 * nor closed, rejected or withdrawn.
 */
export const SUPPORTABLE_STATUSES: readonly OpinionStatus[] = ['submitted', 'assigned', 'transferred', 'replied'];

/** Whether an opinion in `status` can be supported and is offered as similar. */
export function isSupportable(status: OpinionStatus): boolean {
  return SUPPORTABLE_STATUSES.includes(status);
}

/** The most similar opinions the submit page shows. */
export const SIMILAR_SHOWN = 3;

/** The open opinions of one station and category, newest first, that are compared with the draft. */
export const SIMILAR_CANDIDATES = 200;

/**
 * The most supporters told, each with their own 消息, of one reply or one 办结 (the earliest
 * supporters first): the messages are written in the change's transaction, which must stay small.
 */
export const SUPPORTERS_NOTIFIED = 50;

/** The most supporters of a merged duplicate who are carried over to the opinion it was merged into. */
export const SUPPORTERS_CARRIED_ON_MERGE = 100;

/** The public timeline line of a 附议: never who. */
export const SUPPORT_LINE = '附议了这条意见';
