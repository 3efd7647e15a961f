import cloud from 'wx-server-sdk';
import { wechatContentCheck } from '../adapters/wechat/content-check';
import { createSubscribeNotifier } from '../adapters/wechat/subscribe-notifier';
import { wechatTextCheck } from '../adapters/wechat/text-check';
import type { WxOpenApi } from '../adapters/wechat/wx-open-api';
import type { Notifier } from '../ports/notifier';
import type { ServiceConfig } from '../services/context';
import { NO_WECHAT, type WechatEdge } from './runtime';

/**
 * The WeChat open APIs each cloud function may call, chosen by its entry: a function bundles
 * (and its config.json declares) only the 云调用 it makes, and functions that make none do not
 * bundle wx-server-sdk at all. Each edge is a separate export so that the bundler drops the
 * ones a function does not name.
 */

let initialised = false;
function openApi(): WxOpenApi {
  if (!initialised) {
    // The symbol means "the environment this function runs in"; the SDK's types only admit strings.
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    initialised = true;
  }
  return cloud.openapi as unknown as WxOpenApi;
}

/** security.msgSecCheck: for functions that publish text (replies, reasons, comments). */
export const textCheckEdge: WechatEdge = {
  openApis: ['security.msgSecCheck'],
  // Photos are not this function's to check: they stay hidden, as in a function without WeChat.
  build: () => ({
    contentCheck: { checkText: wechatTextCheck(openApi()), checkImage: NO_WECHAT.contentCheck.checkImage },
  }),
};

/** security.msgSecCheck and security.mediaCheckAsync: for functions that take opinions with photos. */
export const textAndImageCheckEdge: WechatEdge = {
  openApis: ['security.msgSecCheck', 'security.mediaCheckAsync'],
  build: (_config, tempUrlOf) => ({ contentCheck: wechatContentCheck(openApi(), tempUrlOf) }),
};

/** subscribeMessage.send: for the scheduler, which sends the outbox. */
export const subscriptionEdge: WechatEdge = {
  openApis: ['subscribeMessage.send'],
  build: (config: ServiceConfig): { notifier: Notifier } => ({
    notifier: createSubscribeNotifier(openApi(), config.subscribeTemplates),
  }),
};
