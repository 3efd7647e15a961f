import { opinionsActions } from '../../src/domain/actions/opinions';
import { createCloudFunction } from '../../server/runtime/cloud-function';
import { textAndImageCheckEdge } from '../../server/runtime/wechat-edges';
import { submitOpinion } from '../../server/services/submit-opinion';
import { eraseContact } from '../../server/services/personal-data';
import { findSimilarOpinions, supportOpinion } from '../../server/services/support';
import {
  claimOpinion,
  getOpinion,
  listMyOpinions,
  rateOpinion,
  withdrawOpinion,
} from '../../server/services/voter-opinions';

/** opinions (src/domain/actions/opinions.ts): a voter submits, follows, withdraws and rates their opinions, and supports others' (附议). */
export const main = createCloudFunction(
  opinionsActions,
  {
    submit: submitOpinion,
    mine: listMyOpinions,
    get: getOpinion,
    withdraw: withdrawOpinion,
    rate: rateOpinion,
    claim: claimOpinion,
    eraseContact,
    similar: findSimilarOpinions,
    support: supportOpinion,
  },
  { wechat: textAndImageCheckEdge },
);
