import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

const KEY = 'lianluo.largeFont';
const listeners = new Set<(on: boolean) => void>();

export function isLargeFont(): boolean {
  return Taro.getStorageSync(KEY) === true || Taro.getStorageSync(KEY) === 'true';
}

export function setLargeFont(on: boolean): void {
  Taro.setStorageSync(KEY, on);
  listeners.forEach((listener) => listener(on));
}

/** 大字模式: every page reads it, the 我的 page switches it, and it is kept across visits. */
export function useLargeFont(): boolean {
  const [on, setOn] = useState(isLargeFont);
  useEffect(() => {
    listeners.add(setOn);
    return () => {
      listeners.delete(setOn);
    };
  }, []);
  return on;
}
