import { accountMeInput, accountRedeemInviteInput } from '../../src/domain/schemas';
import { action, createCloudFunction } from '../../server/runtime/cloud-function';
import { me, redeemInvite } from '../../server/services/account';

/** account: who the caller is, and becoming a deputy or staff with an invite code. */
export const main = createCloudFunction('account', {
  me: action({ input: accountMeInput, access: 'user', run: me }),
  redeemInvite: action({ input: accountRedeemInviteInput, access: 'user', run: redeemInvite }),
});
