import type { Opinion } from '../../src/domain/opinion';

/**
 * The stored opinion a retried submission found by its id. The id is derived from (submittedBy,
 * requestId) (`Ids.opinionId`), so the same id from another submission is refused, not returned.
 */
export function retriedSubmission(existing: Opinion, retried: Opinion): Opinion {
  if (existing.submittedBy !== retried.submittedBy || existing.requestId !== retried.requestId) {
    throw new Error('opinion not created: its id is already taken by another submission');
  }
  return existing;
}
