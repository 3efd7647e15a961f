import { checkedTemplateData } from '../../../src/domain/notification-checks';
import { isNotificationKind, notificationOf, notificationPage, templateOf } from '../../../src/domain/notifications';
import type { SubscribeTemplates } from '../../../src/domain/subscribe-templates';
import type { Notifier } from '../../ports/notifier';
import { errCodeOf, type WxOpenApi } from './wx-open-api';

/**
 * WeChat's answers after which sending the same message again cannot succeed: a wrong openid
 * (40003), template (40037) or page (41030), the user refused or has no acceptance left
 * (43101), the values break the template's rules (47003). Anything else (system busy, a
 * timeout) is tried again later.
 */
export const FINAL_ERRCODES: ReadonlySet<number> = new Set([40003, 40037, 41030, 43101, 47003]);

/**
 * Subscription messages through 云调用 subscribeMessage.send: the template is the one the
 * registry names for the kind, as configured in SUBSCRIBE_TEMPLATES; the values are formatted
 * to its keywords' rules and checked before WeChat is called, so a message WeChat would
 * refuse is given up here with the reason rather than sent six times.
 */
export function createSubscribeNotifier(openapi: WxOpenApi, templates: SubscribeTemplates): Notifier {
  const templateFor = (kind: string) => (isNotificationKind(kind) ? templates[templateOf(kind)] : undefined);
  return {
    subscription: { templateFor },
    send: async (message) => {
      const notification = notificationOf(message);
      if (!notification) return { ok: false, retry: false, error: `未知的消息类型 ${message.kind}` };
      const template = templateFor(message.kind);
      if (!template) return { ok: false, retry: false, error: `未配置订阅消息模板 ${templateOf(notification.kind)}` };
      const { data, problems } = checkedTemplateData(notification, template.keys);
      if (problems.length > 0) return { ok: false, retry: false, error: problems.join('；') };
      try {
        await openapi.subscribeMessage.send({
          touser: message.recipientOpenid,
          templateId: template.id,
          page: notificationPage(notification),
          data,
          miniprogramState: 'formal',
          lang: 'zh_CN',
        });
        return { ok: true };
      } catch (error) {
        const code = errCodeOf(error);
        const text = `${code ?? ''} ${(error as Error)?.message ?? String(error)}`.trim();
        return { ok: false, retry: code === undefined || !FINAL_ERRCODES.has(code), error: text.slice(0, 200) };
      }
    },
  };
}
