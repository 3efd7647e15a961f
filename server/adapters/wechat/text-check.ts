import type { ContentVerdict } from '../../ports/content-check';
import type { WxOpenApi } from './wx-open-api';

/** msgSecCheck's scene for text others will read under a topic: 2 = 评论 (comment). */
export const SCENE_COMMENT = 2;

/**
 * WeChat's text check through 云调用 security.msgSecCheck (v2). A check that fails or answers
 * nothing usable is `review`: the opinion is held for staff, neither published nor lost.
 */
export function wechatTextCheck(openapi: Pick<WxOpenApi, 'security'>) {
  return async (text: string, openid: string): Promise<ContentVerdict> => {
    try {
      const res = await openapi.security.msgSecCheck({ content: text, version: 2, scene: SCENE_COMMENT, openid });
      const suggest = res?.result?.suggest;
      return suggest === 'pass' || suggest === 'risky' ? suggest : 'review';
    } catch {
      return 'review';
    }
  };
}
