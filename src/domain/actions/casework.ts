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
} from '../opinion-schemas';
import type { OpinionSummary, OpinionView, Page, SubmitResult } from '../views';
import { defineActions, returns } from './action-spec';

/** casework.intake: the walk-in opinion and the claim code the voter is given, valid until `claimCodeExpiresAt`. */
export type IntakeResult = SubmitResult & { claimCode: string; claimCodeExpiresAt: number };

/** casework.issueInvite: the code to hand over, for which role and station (or 承办单位), and until when. */
export interface IssuedInvite {
  code: string;
  role: 'deputy' | 'staff' | 'unit';
  /** '' for a unit's invite, which belongs to no station. */
  stationId: string;
  unitId?: string;
  expiresAt: number;
  /** The invited deputy's or unit's name. */
  displayName?: string;
}

const opinion = returns<OpinionView>();

/** casework: deputies answer their opinions; station staff route, confirm, reject and record walk-ins. */
export const caseworkActions = defineActions('casework', {
  inbox: { input: inboxInput, access: 'user', output: returns<Page<OpinionSummary>>() },
  reply: { input: replyInput, access: 'user', limit: 'casework.reply', output: opinion },
  transfer: { input: transferInput, access: 'user', limit: 'casework.transfer', output: opinion },
  note: { input: noteInput, access: 'user', limit: 'casework.note', output: opinion },
  assign: { input: assignInput, access: 'user', limit: 'casework.assign', output: opinion },
  resolve: { input: resolveInput, access: 'user', limit: 'casework.resolve', output: opinion },
  reject: { input: rejectInput, access: 'user', limit: 'casework.reject', output: opinion },
  release: { input: opinionIdInput, access: 'user', limit: 'casework.release', output: opinion },
  close: { input: resolveInput, access: 'user', limit: 'casework.close', output: opinion },
  intake: { input: intakeInput, access: 'user', limit: 'casework.intake', output: returns<IntakeResult>() },
  issueInvite: {
    input: issueInviteInput,
    access: 'user',
    limit: 'casework.issueInvite',
    output: returns<IssuedInvite>(),
  },
});
