import { accountActions } from '../../src/domain/actions/account';
import { createCloudFunction } from '../../server/runtime/cloud-function';
import { describeCaller, redeemInvite } from '../../server/services/account';
import { eraseAccount } from '../../server/services/personal-data';
import { acceptSubscriptions, listMessages, readMessages } from '../../server/services/messages';

/** account (src/domain/actions/account.ts): who the caller is, invites, 消息 and subscriptions. */
export const main = createCloudFunction(accountActions, {
  me: describeCaller,
  redeemInvite,
  messages: listMessages,
  readMessages,
  acceptSubscriptions,
  erase: eraseAccount,
});
