import {
  claimInput,
  listMineInput,
  opinionIdInput,
  rateInput,
  similarInput,
  submitOpinionInput,
  withdrawInput,
} from '../opinion-schemas';
import type { OpinionSummary, OpinionView, Page, SimilarOpinionsView, SubmitResult } from '../views';
import { defineActions, returns } from './action-spec';

/**
 * opinions: a voter submits, follows, withdraws and rates their opinions, and erases
 * the contact they left on one; before submitting they see similar open opinions and may
 * support one (附议) instead. `submit` has no entry
 * in WRITE_LIMITS: its own daily limit is counted where the opinion is created.
 */
export const opinionsActions = defineActions('opinions', {
  submit: { input: submitOpinionInput, access: 'user', output: returns<SubmitResult>() },
  mine: { input: listMineInput, access: 'user', output: returns<Page<OpinionSummary>>() },
  get: { input: opinionIdInput, access: 'user', output: returns<OpinionView>() },
  withdraw: { input: withdrawInput, access: 'user', limit: 'opinions.withdraw', output: returns<OpinionView>() },
  rate: { input: rateInput, access: 'user', limit: 'opinions.rate', output: returns<OpinionView>() },
  eraseContact: {
    input: opinionIdInput,
    access: 'user',
    limit: 'opinions.eraseContact',
    output: returns<OpinionView>(),
  },
  claim: { input: claimInput, access: 'user', limit: 'opinions.claim', output: returns<OpinionView>() },
  similar: { input: similarInput, access: 'user', output: returns<SimilarOpinionsView>() },
  support: { input: opinionIdInput, access: 'user', limit: 'opinions.support', output: returns<OpinionView>() },
});
