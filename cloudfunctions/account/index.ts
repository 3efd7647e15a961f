import {
  accountAcceptSubscriptionsInput,
  accountMessagesInput,
  accountReadMessagesInput,
} from '../../src/domain/message-schemas';
import { accountMeInput, accountRedeemInviteInput } from '../../src/domain/schemas';
import { action, createCloudFunction } from '../../server/runtime/cloud-function';
import { me, redeemInvite } from '../../server/services/account';
import { acceptSubscriptions, listMessages, readMessages } from '../../server/services/messages';

/**
 * account: who the caller is, becoming a deputy or staff with an invite code, the caller's
 * 消息 list, and the WeChat subscriptions they accepted.
 */
export const main = createCloudFunction('account', {
  me: action({ input: accountMeInput, access: 'user', run: me }),
  redeemInvite: action({
    input: accountRedeemInviteInput,
    access: 'user',
    limit: 'account.redeemInvite',
    run: redeemInvite,
  }),
  messages: action({ input: accountMessagesInput, access: 'user', run: listMessages }),
  readMessages: action({ input: accountReadMessagesInput, access: 'user', run: readMessages }),
  acceptSubscriptions: action({
    input: accountAcceptSubscriptionsInput,
    access: 'user',
    limit: 'account.acceptSubscriptions',
    run: acceptSubscriptions,
  }),
});
