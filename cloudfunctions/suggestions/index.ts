import { suggestionsActions } from '../../src/domain/actions/suggestions';
import { createCloudFunction } from '../../server/runtime/cloud-function';
import { textCheckEdge } from '../../server/runtime/wechat-edges';
import {
  assignSuggestion,
  declineSuggestion,
  extendSuggestion,
  ruleOnReturn,
  superviseSuggestion,
} from '../../server/services/suggestion-committee';
import {
  cosignSuggestion,
  draftSuggestion,
  editSuggestion,
  submitSuggestion,
  withdrawSuggestion,
} from '../../server/services/suggestion-drafting';
import { getUnitFigures } from '../../server/services/suggestion-figures';
import {
  answerSuggestion,
  fulfilSuggestion,
  giveCoView,
  giveSuggestionFeedback,
  requestReturn,
} from '../../server/services/suggestion-handling';
import { getSuggestion, listSuggestions, listUnits } from '../../server/services/suggestion-view';

/** suggestions (src/domain/actions/suggestions.ts): 代表建议 from draft to 办结, and 承办单位办理情况. */
export const main = createCloudFunction(
  suggestionsActions,
  {
    list: listSuggestions,
    get: getSuggestion,
    units: listUnits,
    figures: getUnitFigures,
    draft: draftSuggestion,
    edit: editSuggestion,
    cosign: cosignSuggestion,
    submit: submitSuggestion,
    withdraw: withdrawSuggestion,
    decline: declineSuggestion,
    assign: assignSuggestion,
    requestReturn,
    ruleReturn: ruleOnReturn,
    extend: extendSuggestion,
    coView: giveCoView,
    answer: answerSuggestion,
    feedback: giveSuggestionFeedback,
    fulfil: fulfilSuggestion,
    supervise: superviseSuggestion,
  },
  { wechat: textCheckEdge },
);
