import Taro from '@tarojs/taro';
import type { Envelope } from '../domain/envelope';
import type { Transport } from './transport.types';

let initialised = false;

/** Binds wx.cloud to the environment once, before the first call, upload or download through it. */
export function ensureCloud(): void {
  if (initialised) return;
  Taro.cloud.init({ env: CLOUD_ENV_ID || undefined, traceUser: true });
  initialised = true;
}

/** weapp: the cloud function through WeChat; the platform attaches the caller's OPENID. */
export const transport: Transport = async (functionName, event) => {
  ensureCloud();
  const res = await Taro.cloud.callFunction({ name: functionName, data: event });
  return res.result as Envelope<unknown>;
};
