import { accountAcceptSubscriptionsInput, accountMessagesInput, accountReadMessagesInput } from '../message-schemas';
import { accountMeInput, accountRedeemInviteInput } from '../schemas';
import type { ErasedAccountView, MeView, MessagesView } from '../views';
import { defineActions, returns } from './action-spec';

/**
 * account: who the caller is, becoming a deputy or staff with an invite code, the caller's
 * 消息 list, the WeChat subscriptions they accepted, and erasing a voter's personal data.
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
  erase: { input: accountMeInput, access: 'user', limit: 'account.erase', output: returns<ErasedAccountView>() },
});
