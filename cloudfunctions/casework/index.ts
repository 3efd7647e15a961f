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
    reply: action({ input: replyInput, access: 'user', limit: 'casework.reply', run: reply }),
    transfer: action({ input: transferInput, access: 'user', limit: 'casework.transfer', run: transfer }),
    note: action({ input: noteInput, access: 'user', limit: 'casework.note', run: addNote }),
    assign: action({ input: assignInput, access: 'user', limit: 'casework.assign', run: assign }),
    resolve: action({ input: resolveInput, access: 'user', limit: 'casework.resolve', run: resolve }),
    reject: action({ input: rejectInput, access: 'user', limit: 'casework.reject', run: reject }),
    release: action({ input: opinionIdInput, access: 'user', limit: 'casework.release', run: release }),
    close: action({ input: resolveInput, access: 'user', limit: 'casework.close', run: close }),
    intake: action({ input: intakeInput, access: 'user', limit: 'casework.intake', run: intakeOpinion }),
    issueInvite: action({ input: issueInviteInput, access: 'user', limit: 'casework.issueInvite', run: issueInvite }),
  },
  textAndImageCheckEdge,
);
