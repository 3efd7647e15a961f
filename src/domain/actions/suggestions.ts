import type { HandlingUnit } from '../suggestion';
import type { SuggestionListView, SuggestionView } from '../suggestion-views';
import type { UnitFiguresView } from '../suggestion-figures';
import { z } from 'zod';
import {
  answerSuggestionInput,
  assignSuggestionInput,
  coViewInput,
  declineSuggestionInput,
  draftSuggestionInput,
  editSuggestionInput,
  extendSuggestionInput,
  fulfilSuggestionInput,
  listSuggestionsInput,
  requestReturnInput,
  ruleReturnInput,
  suggestionFeedbackInput,
  suggestionFiguresInput,
  suggestionIdInput,
  superviseSuggestionInput,
  withdrawSuggestionInput,
} from '../suggestion-schemas';
import { defineActions, returns } from './action-spec';

const view = returns<SuggestionView>();

/**
 * suggestions: 代表建议 — deputies draft them from the opinions they hold, the committee 立案 and
 * 交办 them to 承办单位, units answer, the 领衔 deputy gives 征询意见, the committee 督办.
 */
export const suggestionsActions = defineActions('suggestions', {
  list: { input: listSuggestionsInput, access: 'user', output: returns<SuggestionListView>() },
  get: { input: suggestionIdInput, access: 'user', output: view },
  units: { input: z.object({}), access: 'user', output: returns<{ units: HandlingUnit[] }>() },
  figures: { input: suggestionFiguresInput, access: 'user', output: returns<UnitFiguresView>() },
  draft: { input: draftSuggestionInput, access: 'user', limit: 'suggestions.draft', output: view },
  edit: { input: editSuggestionInput, access: 'user', limit: 'suggestions.edit', output: view },
  cosign: { input: suggestionIdInput, access: 'user', limit: 'suggestions.cosign', output: view },
  submit: { input: suggestionIdInput, access: 'user', limit: 'suggestions.submit', output: view },
  withdraw: { input: withdrawSuggestionInput, access: 'user', limit: 'suggestions.withdraw', output: view },
  decline: { input: declineSuggestionInput, access: 'user', limit: 'suggestions.decline', output: view },
  assign: { input: assignSuggestionInput, access: 'user', limit: 'suggestions.assign', output: view },
  requestReturn: { input: requestReturnInput, access: 'user', limit: 'suggestions.requestReturn', output: view },
  ruleReturn: { input: ruleReturnInput, access: 'user', limit: 'suggestions.ruleReturn', output: view },
  extend: { input: extendSuggestionInput, access: 'user', limit: 'suggestions.extend', output: view },
  coView: { input: coViewInput, access: 'user', limit: 'suggestions.coView', output: view },
  answer: { input: answerSuggestionInput, access: 'user', limit: 'suggestions.answer', output: view },
  feedback: { input: suggestionFeedbackInput, access: 'user', limit: 'suggestions.feedback', output: view },
  fulfil: { input: fulfilSuggestionInput, access: 'user', limit: 'suggestions.fulfil', output: view },
  supervise: { input: superviseSuggestionInput, access: 'user', limit: 'suggestions.supervise', output: view },
});
