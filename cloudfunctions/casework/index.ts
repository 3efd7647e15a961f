import { caseworkActions } from '../../src/domain/actions/casework';
import { createCloudFunction } from '../../server/runtime/cloud-function';
import { textAndImageCheckEdge } from '../../server/runtime/wechat-edges';
import {
  addNote,
  assignOpinion,
  closeOpinion,
  listInbox,
  rejectOpinion,
  releaseOpinion,
  replyToOpinion,
  resolveOpinion,
  transferOpinion,
} from '../../server/services/casework';
import { issueInvite } from '../../server/services/invites';
import { intakeOpinion } from '../../server/services/intake';

/** casework (src/domain/actions/casework.ts): deputies answer; station staff route, confirm, reject, record walk-ins. */
export const main = createCloudFunction(
  caseworkActions,
  {
    inbox: listInbox,
    reply: replyToOpinion,
    transfer: transferOpinion,
    note: addNote,
    assign: assignOpinion,
    resolve: resolveOpinion,
    reject: rejectOpinion,
    release: releaseOpinion,
    close: closeOpinion,
    intake: intakeOpinion,
    issueInvite,
  },
  { wechat: textAndImageCheckEdge },
);
