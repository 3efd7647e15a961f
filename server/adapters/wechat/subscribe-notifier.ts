import type tcb from '@cloudbase/node-sdk';
import type { Notifier } from '../../ports/notifier';

type App = ReturnType<typeof tcb.init>;

/** Template ids of the subscription messages, per environment (SUBSCRIBE_TEMPLATES as JSON: kind → id). */
function templates(): Record<string, string> {
  try {
    return JSON.parse(process.env.SUBSCRIBE_TEMPLATES ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

// errcodes after which trying again cannot help: the user refused or has no quota left
// (43101), the template is wrong (40037), the page is wrong (41030).
const FINAL = new Set([43101, 40037, 41030]);

/** WeChat subscribeMessage.send through CloudBase's open-API gateway. */
export function createSubscribeNotifier(app: App): Notifier {
  return {
    send: async (message) => {
      const templateId = templates()[message.kind];
      if (!templateId) return { ok: false, retry: false, error: `no template for ${message.kind}` };
      try {
        const res = (await app.callWxOpenApi({
          apiName: '/cgi-bin/message/subscribe/send',
          requestData: {
            touser: message.recipientOpenid,
            template_id: templateId,
            page: `pages/opinion/index?id=${message.opinionId}`,
            data: Object.fromEntries(Object.entries(message.payload).map(([k, v]) => [k, { value: v.slice(0, 20) }])),
          },
        })) as { result?: unknown };
        const body = (typeof res.result === 'string' ? JSON.parse(res.result) : res.result) as {
          errcode?: number;
          errmsg?: string;
        };
        if (!body?.errcode) return { ok: true };
        return { ok: false, retry: !FINAL.has(body.errcode), error: `${body.errcode} ${body.errmsg ?? ''}`.trim() };
      } catch (error) {
        return { ok: false, retry: true, error: (error as Error).message };
      }
    },
  };
}
