import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { accountActions } from '../../src/domain/actions/account';
import { AppError } from '../../src/domain/errors';
import { MESSAGES_PAGE_SIZE } from '../../src/domain/message-schemas';
import { templatesAt } from '../../src/domain/notification-templates';
import { MAX_SUBSCRIPTION_CREDITS } from '../../src/domain/subscribe-templates';
import { notificationText } from '../../src/domain/notification-text';
import { notificationOf, notificationPage, type SubscriptionMoment } from '../../src/domain/notifications';
import type { MessagesView, MessageView, SubscribeTemplateIds } from '../../src/domain/views';
import type { OutboxMessage } from '../ports/opinion-store';
import { requireOpenid } from './actor';
import type { ServiceContext } from './context';

const MOMENTS: readonly SubscriptionMoment[] = ['submit', 'follow', 'casework', 'oversight', 'handling'];

/** The configured template ids to ask for at each moment; a moment with none configured is left out. */
export function subscribeTemplateIds(ctx: Pick<ServiceContext, 'config'>): SubscribeTemplateIds {
  const out: SubscribeTemplateIds = {};
  for (const moment of MOMENTS) {
    const ids = templatesAt(moment).flatMap((key) => {
      const configured = ctx.config.subscribeTemplates[key];
      return configured ? [configured.id] : [];
    });
    if (ids.length > 0) out[moment] = ids;
  }
  return out;
}

/** Messages written to the caller since they last read their list. */
export async function countUnreadMessages(ctx: ServiceContext, openid: string): Promise<number> {
  return ctx.store.countMessagesSince(openid, await ctx.store.getMessagesReadAt(openid));
}

function messageView(message: OutboxMessage, readAt: number): MessageView | null {
  const notification = notificationOf(message);
  if (!notification) return null;
  const { title, text } = notificationText(notification);
  return {
    id: String(message.id ?? `${message.subjectId}-${message.createdAt}`),
    title,
    text,
    at: message.createdAt,
    read: message.createdAt <= readAt,
    url: `/${notificationPage(notification)}`,
    delivery: message.status === 'sent' ? 'sent' : message.status === 'pending' ? 'pending' : 'not_sent',
  };
}

/**
 * account.messages: the caller's own messages, newest first — every notification the product
 * wrote for them, whether or not WeChat delivered it, so that nothing depends on WeChat.
 */
export async function listMessages(
  input: ActionInput<typeof accountActions, 'messages'>,
  ctx: ServiceContext,
): Promise<MessagesView> {
  const openid = requireOpenid(ctx);
  const [page, readAt] = await Promise.all([
    ctx.store.listMessages(openid, input.cursor, MESSAGES_PAGE_SIZE),
    ctx.store.getMessagesReadAt(openid),
  ]);
  return {
    items: page.items.flatMap((m) => messageView(m, readAt) ?? []),
    nextCursor: page.nextCursor,
    unread: await ctx.store.countMessagesSince(openid, readAt),
  };
}

/** account.readMessages: everything written up to `upTo` (the newest message the caller saw) is read. */
export async function readMessages(
  input: ActionInput<typeof accountActions, 'readMessages'>,
  ctx: ServiceContext,
): Promise<{ unread: number }> {
  const openid = requireOpenid(ctx);
  // A mark in the future would hide messages not yet written.
  await ctx.store.setMessagesReadAt(openid, Math.min(input.upTo, ctx.clock.now()));
  return { unread: await countUnreadMessages(ctx, openid) };
}

/**
 * account.acceptSubscriptions: the caller accepted these templates in WeChat's prompt. Each
 * acceptance of a one-time template allows one message, so each is recorded as one credit;
 * the outbox spends one per message and does not call WeChat when none is left. Only the
 * configured templates count: anything else is refused and nothing is written.
 */
export async function acceptSubscriptions(
  input: ActionInput<typeof accountActions, 'acceptSubscriptions'>,
  ctx: ServiceContext,
): Promise<{ subscriptions: Record<string, number> }> {
  const openid = requireOpenid(ctx);
  const known = new Set(Object.values(ctx.config.subscribeTemplates).map((t) => t.id));
  const unknown = input.templateIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new AppError('INVALID_INPUT', '不是本程序的消息模板');
  const subscriptions = await ctx.store.grantSubscriptions(openid, input.templateIds, MAX_SUBSCRIPTION_CREDITS, {
    at: ctx.clock.now(),
    actor: openid,
    action: 'account.acceptSubscriptions',
    targetType: 'account',
    targetId: openid,
    detail: { templateIds: [...new Set(input.templateIds)] },
  });
  return { subscriptions };
}
