import {
  listRoundsInput,
  openRoundInput,
  rateDeputyInput,
  roundIdInput,
  setDistrictInput,
} from '../../src/domain/evaluation-schemas';
import { action, createCloudFunction } from '../../server/runtime/cloud-function';
import { textCheckEdge } from '../../server/runtime/wechat-edges';
import { closeRound, openRound, rateDeputy, setDistrict } from '../../server/services/evaluation-commands';
import { getRound, listRounds } from '../../server/services/evaluation-view';

/**
 * evaluations: 代表述职评议 — rounds per 选区 opened by staff or the committee, voters' ratings of
 * their deputies beside what the data says each deputy did, results published at the close.
 */
export const main = createCloudFunction(
  'evaluations',
  {
    list: action({ input: listRoundsInput, access: 'public', run: listRounds }),
    get: action({ input: roundIdInput, access: 'public', run: getRound }),
    rate: action({ input: rateDeputyInput, access: 'user', limit: 'evaluations.rate', run: rateDeputy }),
    setDistrict: action({
      input: setDistrictInput,
      access: 'user',
      limit: 'evaluations.setDistrict',
      run: setDistrict,
    }),
    open: action({ input: openRoundInput, access: 'user', limit: 'evaluations.open', run: openRound }),
    close: action({ input: roundIdInput, access: 'user', limit: 'evaluations.close', run: closeRound }),
  },
  textCheckEdge,
);
