import type { OutboxMessage } from './opinion-store';
import type { AuditEntry } from './store-types';

export interface MessagePage {
  items: OutboxMessage[];
  nextCursor: string | null;
}

/**
 * A person's messages — the outbox seen from its recipient, whatever WeChat did with each —
 * and the WeChat subscription acceptances that allow sending them.
 */
export interface MessageStore {
  /** Messages to `openid`, newest first; `cursor` is the previous page's nextCursor. */
  listMessages(openid: string, cursor: string | undefined, limit: number): Promise<MessagePage>;
  /** How many messages to `openid` were written after `since` (the unread count). */
  countMessagesSince(openid: string, since: number): Promise<number>;
  /** When `openid` last read their messages (0 when never). */
  getMessagesReadAt(openid: string): Promise<number>;
  /** Mark everything written up to `at` as read; never moves the mark back. */
  setMessagesReadAt(openid: string, at: number): Promise<void>;
  /**
   * Record one acceptance of each template (a one-time subscription allows one message):
   * each template's credit is raised by one, to at most `max`, with its audit line, in one
   * transaction. Answers the acceptances `openid` then holds, per template id.
   */
  grantSubscriptions(
    openid: string,
    templateIds: readonly string[],
    max: number,
    audit: AuditEntry,
  ): Promise<Record<string, number>>;
  /** Spend one acceptance of a template; false, and nothing changed, when none is left. */
  spendSubscription(openid: string, templateId: string): Promise<boolean>;
  /** Give back an acceptance whose message WeChat did not take (it will be tried again). */
  refundSubscription(openid: string, templateId: string): Promise<void>;
  /** The acceptances `openid` holds, per template id. */
  listSubscriptions(openid: string): Promise<Record<string, number>>;
}
