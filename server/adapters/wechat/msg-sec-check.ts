import type tcb from '@cloudbase/node-sdk';
import type { ContentCheck, ContentVerdict, ImageVerdict } from '../../ports/content-check';

type App = ReturnType<typeof tcb.init>;

/**
 * WeChat security.msgSecCheck (v2) through CloudBase's open-API gateway; the function's
 * config.json lists it under permissions.openapi. An unanswered check holds the opinion for
 * review rather than publishing or losing it.
 */
export function createMsgSecCheck(app: App): ContentCheck {
  return {
    checkText: async (text, openid): Promise<ContentVerdict> => {
      try {
        const res = (await app.callWxOpenApi({
          apiName: '/wxa/msg_sec_check',
          requestData: { content: text, version: 2, scene: 2, openid },
        })) as { result?: unknown };
        const body = typeof res.result === 'string' ? JSON.parse(res.result) : res.result;
        const suggest = (body as { result?: { suggest?: string } })?.result?.suggest;
        return suggest === 'pass' || suggest === 'risky' ? suggest : 'review';
      } catch {
        return 'review';
      }
    },
    // mediaCheckAsync answers later through WeChat's message push; until a result is recorded
    // the photo stays hidden from everyone but its voter.
    checkImage: async (fileId, openid): Promise<ImageVerdict> => {
      try {
        const { fileList } = await app.getTempFileURL({ fileList: [fileId] });
        const url = (fileList as Array<{ tempFileURL?: string }>)[0]?.tempFileURL;
        if (!url) return { verdict: 'pending' };
        const res = (await app.callWxOpenApi({
          apiName: '/wxa/media_check_async',
          requestData: { media_url: url, media_type: 2, version: 2, scene: 2, openid },
        })) as { result?: unknown };
        const body = (typeof res.result === 'string' ? JSON.parse(res.result) : res.result) as {
          trace_id?: string;
          traceId?: string;
        };
        // The HTTPS API answers trace_id, the cloud call traceId.
        const traceId = body?.trace_id ?? body?.traceId;
        return traceId ? { verdict: 'pending', traceId } : { verdict: 'pending' };
      } catch {
        // The photo stays hidden: nothing unchecked is shown to others.
        return { verdict: 'pending' };
      }
    },
  };
}
