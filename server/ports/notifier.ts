import type { OutboxMessage } from './opinion-store';

export type SendResult = { ok: true } | { ok: false; retry: boolean; error: string };

/** Delivers one outbox message (WeChat subscription message in production, a log locally). */
export interface Notifier {
  send(message: OutboxMessage): Promise<SendResult>;
}
