import Taro from '@tarojs/taro';

/** The demo callers of the local server (docs/DESIGN.md, Who uses it): H5 only, never in the weapp build. */
export const DEV_CALLERS = [
  { openid: 'demo-voter', label: '选民' },
  { openid: 'demo-deputy', label: '代表' },
  { openid: 'demo-staff', label: '工作人员' },
  { openid: 'demo-admin', label: '人大工委' },
  { openid: 'demo-unit', label: '承办单位' },
] as const;

const KEY = 'lianluo.devCaller';

export function getDevCaller(): string {
  const stored: unknown = Taro.getStorageSync(KEY);
  return typeof stored === 'string' && DEV_CALLERS.some((c) => c.openid === stored) ? stored : 'demo-voter';
}

export function setDevCaller(openid: string): void {
  Taro.setStorageSync(KEY, openid);
}
