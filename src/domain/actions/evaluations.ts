import {
  listRoundsInput,
  openRoundInput,
  rateDeputyInput,
  roundIdInput,
  setDistrictInput,
} from '../evaluation-schemas';
import type { RoundListView, RoundView } from '../evaluation-views';
import { defineActions, returns } from './action-spec';

/**
 * evaluations: 代表述职评议 — rounds per 选区 opened by staff or the committee, voters' ratings of
 * their deputies beside what the data says each deputy did, results published at the close.
 */
export const evaluationsActions = defineActions('evaluations', {
  list: { input: listRoundsInput, access: 'public', output: returns<RoundListView>() },
  get: { input: roundIdInput, access: 'public', output: returns<RoundView>() },
  rate: { input: rateDeputyInput, access: 'user', limit: 'evaluations.rate', output: returns<RoundView>() },
  setDistrict: {
    input: setDistrictInput,
    access: 'user',
    limit: 'evaluations.setDistrict',
    output: returns<{ district: string }>(),
  },
  open: { input: openRoundInput, access: 'user', limit: 'evaluations.open', output: returns<RoundView>() },
  close: { input: roundIdInput, access: 'user', limit: 'evaluations.close', output: returns<RoundView>() },
});
