import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Runs on the output of `npm run build:weapp` (scripts/test.mjs builds it first).
const root = resolve('dist/weapp');
const LIMIT = 2 * 1024 * 1024;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('the weapp build', () => {
  test('the main package is within WeChat’s 2 MB limit', () => {
    const total = files(root).reduce((sum, f) => sum + statSync(f).size, 0);
    console.info(`weapp main package: ${(total / 1024).toFixed(1)} KB`);
    expect(total).toBeLessThan(LIMIT);
  });

  test('declares every page and the tab bar icons it names', () => {
    const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as {
      pages: string[];
      tabBar: { list: Array<{ iconPath: string; selectedIconPath: string }> };
    };
    for (const page of app.pages) expect(statSync(join(root, `${page}.js`)).isFile()).toBe(true);
    for (const tab of app.tabBar.list) {
      expect(statSync(join(root, tab.iconPath)).size).toBeLessThan(40 * 1024);
      expect(statSync(join(root, tab.selectedIconPath)).isFile()).toBe(true);
    }
  });

  test('uses no H5-only code: the HTTP transport, the dev switcher, browser storage or maps stay out', () => {
    const js = files(root)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const marker of [
      'x-dev-openid',
      'lianluo.devCaller',
      'uri.amap.com',
      'localStorage',
      'navigator.geolocation',
      'window.open',
    ]) {
      expect({ marker, found: js.includes(marker) }).toEqual({ marker, found: false });
    }
    expect(js).toContain('callFunction');
  });
});
