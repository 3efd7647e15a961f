import { useEffect } from 'react';

/**
 * The part of @tarojs/taro the pages use. Storage is a Map; navigation, phone calls and
 * title changes are recorded so that tests can read what the page asked WeChat to do.
 */
const storage = new Map<string, unknown>();

export const navigations: string[] = [];
export const phoneCalls: string[] = [];
export const titles: string[] = [];

/** The page's 转发 card builder, as WeChat would call it from the ··· menu; null when the page offers none. */
let shareCardBuilder: (() => { title?: string; path?: string }) | null = null;

/** What chooseMedia answers: the chosen files' paths, or the errMsg WeChat fails with. */
let media: { paths: string[] } | { errMsg: string } = { errMsg: 'chooseMedia:fail cancel' };
export const mediaRequests: Array<Record<string, unknown>> = [];

let routerParams: Record<string, string | undefined> = {};
let location: { latitude: number; longitude: number } | 'denied' = 'denied';

/** Empties storage and the recorded calls; routing and location back to their defaults. */
export function resetTaroStorage(): void {
  storage.clear();
  navigations.length = 0;
  phoneCalls.length = 0;
  titles.length = 0;
  routerParams = {};
  location = 'denied';
  shareCardBuilder = null;
  media = { errMsg: 'chooseMedia:fail cancel' };
  mediaRequests.length = 0;
}

export function setMediaResult(value: { paths: string[] } | { errMsg: string }): void {
  media = value;
}

export async function chooseMedia(
  options: Record<string, unknown>,
): Promise<{ tempFiles: Array<{ tempFilePath: string }>; type: string }> {
  mediaRequests.push(options);
  if ('errMsg' in media) throw { errMsg: media.errMsg };
  return { tempFiles: media.paths.map((tempFilePath) => ({ tempFilePath })), type: 'image' };
}

/** The card the page would send if the voter chose 转发 now (null: the page cannot be shared). */
export function shareCard(): { title?: string; path?: string } | null {
  return shareCardBuilder ? shareCardBuilder() : null;
}

export function setRouterParams(params: Record<string, string | undefined>): void {
  routerParams = params;
}

/** What getLocation answers: a position, or a refusal ('denied'). */
export function setLocationResult(value: { latitude: number; longitude: number } | 'denied'): void {
  location = value;
}

/** Like WeChat, a key never set reads as ''. */
export function getStorageSync(key: string): unknown {
  return storage.has(key) ? storage.get(key) : '';
}

export function setStorageSync(key: string, value: unknown): void {
  storage.set(key, value);
}

export async function navigateTo(options: { url: string }): Promise<void> {
  navigations.push(options.url);
}

export async function makePhoneCall(options: { phoneNumber: string }): Promise<void> {
  phoneCalls.push(options.phoneNumber);
}

export async function setNavigationBarTitle(options: { title: string }): Promise<void> {
  titles.push(options.title);
}

export async function stopPullDownRefresh(): Promise<void> {}

/** The toasts shown, in order. */
export const toasts: string[] = [];
export async function showToast(options: { title: string }): Promise<void> {
  toasts.push(options.title);
}

export async function getLocation(_options?: { type?: string }): Promise<{ latitude: number; longitude: number }> {
  if (location === 'denied') throw new Error('getLocation:fail auth deny');
  return location;
}

export function useRouter(): { params: Record<string, string | undefined> } {
  return { params: routerParams };
}

/** A page is shown once, when it mounts. */
export function useDidShow(callback: () => void): void {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- once per mount, like the first onShow
  useEffect(callback, []);
}

export function useLoad(callback: (params: Record<string, string | undefined>) => void): void {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- once per mount, like onLoad
  useEffect(() => callback(routerParams), []);
}

export function usePullDownRefresh(_callback: () => void): void {}

/** Like Taro's hook, the latest render's callback is the one WeChat calls. */
export function useShareAppMessage(callback: () => { title?: string; path?: string }): void {
  shareCardBuilder = callback;
}

const Taro = {
  getStorageSync,
  setStorageSync,
  navigateTo,
  makePhoneCall,
  setNavigationBarTitle,
  stopPullDownRefresh,
  showToast,
  getLocation,
  chooseMedia,
  useRouter,
  useDidShow,
  useLoad,
  usePullDownRefresh,
  useShareAppMessage,
};

export default Taro;
