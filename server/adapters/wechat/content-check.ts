import type { ContentCheck } from '../../ports/content-check';
import { wechatImageCheck } from './image-check';
import { wechatTextCheck } from './text-check';
import type { WxOpenApi } from './wx-open-api';

/** WeChat's text and photo checks together, as the functions that take opinions with photos use them. */
export function wechatContentCheck(
  openapi: Pick<WxOpenApi, 'security'>,
  tempUrlOf: (fileId: string) => Promise<string | undefined>,
): ContentCheck {
  return { checkText: wechatTextCheck(openapi), checkImage: wechatImageCheck(openapi, tempUrlOf) };
}
