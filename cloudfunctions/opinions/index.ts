import {
  claimInput,
  listMineInput,
  opinionIdInput,
  rateInput,
  submitOpinionInput,
  withdrawInput,
} from '../../src/domain/opinion-schemas';
import { action, createCloudFunction } from '../../server/runtime/cloud-function';
import { textAndImageCheckEdge } from '../../server/runtime/wechat-edges';
import { submitOpinion } from '../../server/services/submit-opinion';
import {
  claimOpinion,
  getOpinion,
  myOpinions,
  rateOpinion,
  withdrawOpinion,
} from '../../server/services/voter-opinions';

/** opinions: a voter submits, follows, withdraws and rates their opinions. */
export const main = createCloudFunction(
  'opinions',
  {
    submit: action({ input: submitOpinionInput, access: 'user', run: submitOpinion }),
    mine: action({ input: listMineInput, access: 'user', run: myOpinions }),
    get: action({ input: opinionIdInput, access: 'user', run: getOpinion }),
    withdraw: action({ input: withdrawInput, access: 'user', limit: 'opinions.withdraw', run: withdrawOpinion }),
    rate: action({ input: rateInput, access: 'user', limit: 'opinions.rate', run: rateOpinion }),
    claim: action({ input: claimInput, access: 'user', limit: 'opinions.claim', run: claimOpinion }),
  },
  textAndImageCheckEdge,
);
