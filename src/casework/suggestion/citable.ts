import type { OpinionStatus } from '../../domain/opinion';

/**
 * The opinions a deputy may cite in a 建议: routed to them and accepted (not held, withdrawn or
 * rejected). The pages offer only these; suggestions.draft checks it again.
 */
export const CITABLE_STATUSES: readonly OpinionStatus[] = ['assigned', 'transferred', 'replied', 'resolved', 'closed'];
