// Debian's chromium, with the flags this machine needs (no sandbox as root, no network
// beyond loopback: background services would only fail). The browser tests read the same list.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = JSON.parse(readFileSync(new URL('./chromium-flags.json', import.meta.url), 'utf8'));

/** The one line said when there is no browser. */
export const MISSING_CHROMIUM = `no Chromium at ${CHROMIUM_PATH}: install it (Debian/Ubuntu: sudo apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH`;

const canApt = () =>
  process.getuid?.() === 0 &&
  existsSync('/etc/debian_version') &&
  spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * Make sure the browser tests have their browser: CHROMIUM_PATH or /usr/bin/chromium if it is
 * there; otherwise, as root on Debian or Ubuntu, Debian's chromium and CJK fonts (the pages are
 * Chinese) from apt-get, as `.ci/run` installs them. Answers null when the browser is ready,
 * or the one line saying what is missing and how to install it.
 */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return null;
  if (process.env.CHROMIUM_PATH === undefined && canApt()) {
    console.log(
      'Installing Debian chromium and CJK fonts for the browser tests (apt-get install chromium fonts-noto-cjk)',
    );
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const apt = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
    if (
      apt(['update', '-qq']) &&
      apt(['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk']) &&
      existsSync(CHROMIUM_PATH)
    ) {
      return null;
    }
  }
  return MISSING_CHROMIUM;
}
