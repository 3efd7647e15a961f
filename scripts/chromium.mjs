// Debian's chromium, with the flags this machine needs (no sandbox as root, no network
// beyond loopback: background services would only fail). The browser tests read the same list.
import { readFileSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = JSON.parse(readFileSync(new URL('./chromium-flags.json', import.meta.url), 'utf8'));
