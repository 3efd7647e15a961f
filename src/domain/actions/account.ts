import { accountAcceptSubscriptionsInput, accountMessagesInput, accountReadMessagesInput } from '../message-schemas';
import { accountMeInput, accountRedeemInviteInput } from '../schemas';
import type { MeView, MessagesView } from '../views';
import { defineActions, returns } from './action-spec';

/**
 * account: who the caller is, becoming a deputy or staff with an invite code, the caller's
 * 消息 list, and the WeChat subscriptions they accepted.
 */
export const accountActions = defineActions('account', {
  me: { input: accountMeInput, access: 'user', output: returns<MeView>() },
  redeemInvite: {
    input: accountRedeemInviteInput,
    access: 'user',
    limit: 'account.redeemInvite',
    output: returns<MeView>(),
  },
  messages: { input: accountMessagesInput, access: 'user', output: returns<MessagesView>() },
  readMessages: { input: accountReadMessagesInput, access: 'user', output: returns<{ unread: number }>() },
  acceptSubscriptions: {
    input: accountAcceptSubscriptionsInput,
    access: 'user',
    limit: 'account.acceptSubscriptions',
    output: returns<{ subscriptions: Record<string, number> }>(),
  },
});
