import type { OutboxMessage } from './opinion-store';

export type SendResult = { ok: true } | { ok: false; retry: boolean; error: string };

/**
 * Present when messages go out as WeChat one-time subscription messages: each message needs
 * one acceptance, by its recipient, of the template its kind goes out on.
 */
export interface SubscriptionChannel {
  /** The configured template of a kind; undefined when the operator configured none. */
  templateFor(kind: string): { id: string } | undefined;
}

/** Delivers one outbox message (WeChat subscription message in production, a log locally). */
export interface Notifier {
  subscription?: SubscriptionChannel;
  send(message: OutboxMessage): Promise<SendResult>;
}
