import {
  assignInput,
  inboxInput,
  intakeInput,
  issueInviteInput,
  noteInput,
  opinionIdInput,
  rejectInput,
  replyInput,
  resolveInput,
  transferInput,
} from '../../src/domain/opinion-schemas';
import { action, createCloudFunction } from '../../server/runtime/cloud-function';
import { textAndImageCheckEdge } from '../../server/runtime/wechat-edges';
import {
  addNote,
  assign,
  close,
  inbox,
  reject,
  release,
  reply,
  resolve,
  transfer,
} from '../../server/services/casework';
import { issueInvite } from '../../server/services/invites';
import { intakeOpinion } from '../../server/services/submit-opinion';

/** casework: deputies answer their opinions; station staff route, confirm, reject and record walk-ins. */
export const main = createCloudFunction(
  'casework',
  {
    inbox: action({ input: inboxInput, access: 'user', run: inbox }),
    reply: action({ input: replyInput, access: 'user', run: reply }),
    transfer: action({ input: transferInput, access: 'user', run: transfer }),
    note: action({ input: noteInput, access: 'user', run: addNote }),
    assign: action({ input: assignInput, access: 'user', run: assign }),
    resolve: action({ input: resolveInput, access: 'user', run: resolve }),
    reject: action({ input: rejectInput, access: 'user', run: reject }),
    release: action({ input: opinionIdInput, access: 'user', run: release }),
    close: action({ input: resolveInput, access: 'user', run: close }),
    intake: action({ input: intakeInput, access: 'user', run: intakeOpinion }),
    issueInvite: action({ input: issueInviteInput, access: 'user', run: issueInvite }),
  },
  textAndImageCheckEdge,
);
