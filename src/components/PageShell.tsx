import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useLargeFont } from '../settings/large-font';

/** Every page's frame: applies 大字模式 so that all text scales together. */
export function PageShell(props: { children: ReactNode; className?: string }) {
  const large = useLargeFont();
  return <View className={`page ${large ? 'page--large' : ''} ${props.className ?? ''}`}>{props.children}</View>;
}
