import type { ImageVerdict } from '../../ports/content-check';
import { SCENE_COMMENT } from './text-check';
import type { WxOpenApi } from './wx-open-api';

/**
 * WeChat's photo check through 云调用 security.mediaCheckAsync (v2): the answer arrives later
 * as the wxa_media_check push to the `mediacheck` function, quoting the trace id returned
 * here. Until then, and whenever the check cannot be started, the photo stays hidden from
 * everyone but its voter.
 */
export function wechatImageCheck(
  openapi: Pick<WxOpenApi, 'security'>,
  tempUrlOf: (fileId: string) => Promise<string | undefined>,
) {
  return async (fileId: string, openid: string): Promise<ImageVerdict> => {
    try {
      const mediaUrl = await tempUrlOf(fileId);
      if (!mediaUrl) return { verdict: 'pending' };
      const res = await openapi.security.mediaCheckAsync({
        mediaUrl,
        mediaType: 2,
        version: 2,
        scene: SCENE_COMMENT,
        openid,
      });
      return res?.traceId ? { verdict: 'pending', traceId: res.traceId } : { verdict: 'pending' };
    } catch {
      return { verdict: 'pending' };
    }
  };
}
