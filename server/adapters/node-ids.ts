import { createHash, randomBytes, randomInt } from 'node:crypto';
import { PHOTO_ROOT } from '../../src/domain/photo-files';
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from '../../src/domain/invites';
import type { Ids } from '../ports/ids';

const code = () =>
  Array.from({ length: INVITE_CODE_LENGTH }, () => INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)]).join(
    '',
  );

/** Ids from node:crypto: opinion ids hash (submitter, requestId); codes are random. */
export const nodeIds: Ids = {
  opinionId: (submittedBy, requestId) =>
    `op${createHash('sha256').update(`${submittedBy}\u0000${requestId}`).digest('hex').slice(0, 20)}`,
  claimCode: code,
  inviteCode: code,
  roundId: (district, opensOn) =>
    `ev${opensOn.replace(/-/g, '')}${createHash('sha256').update(district).digest('hex').slice(0, 6)}`,
  suggestionId: () => `sg${randomBytes(10).toString('hex')}`,
  activityId: () => `ac${randomBytes(10).toString('hex')}`,
  // A hash, so that a file id does not show the openid it belongs to.
  photoFolder: (openid) =>
    `${PHOTO_ROOT}/${createHash('sha256').update(`photo-folder\u0000${openid}`).digest('hex').slice(0, 16)}`,
};
