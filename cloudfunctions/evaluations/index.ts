import { evaluationsActions } from '../../src/domain/actions/evaluations';
import { createCloudFunction } from '../../server/runtime/cloud-function';
import { textCheckEdge } from '../../server/runtime/wechat-edges';
import { closeRound, openRound, rateDeputy, setDistrict } from '../../server/services/evaluation-commands';
import { getRound, listRounds } from '../../server/services/evaluation-view';

/** evaluations (src/domain/actions/evaluations.ts): 代表述职评议 rounds, ratings and results. */
export const main = createCloudFunction(
  evaluationsActions,
  {
    list: listRounds,
    get: getRound,
    rate: rateDeputy,
    setDistrict,
    open: openRound,
    close: closeRound,
  },
  { wechat: textCheckEdge },
);
