import { chromium, type Browser } from 'playwright-core';
import CHROMIUM_ARGS from '../../scripts/chromium-flags.json';

/** Debian's chromium with the flags this machine needs (scripts/chromium-flags.json). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export const PHONE = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  locale: 'zh-CN',
  isMobile: true,
  hasTouch: true,
};
