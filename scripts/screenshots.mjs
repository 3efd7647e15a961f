// Screenshots of every page at a phone viewport (375×812), in normal and large-font mode,
// into screenshots/. Starts its own local server on a scratch store unless BASE_URL is set.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const out = 'screenshots';
mkdirSync(out, { recursive: true });

let server;
let base = process.env.BASE_URL;
if (!base) {
  const port = 18000 + Math.floor(Math.random() * 1000);
  server = spawn(process.execPath, ['dist/server/main.js'], {
    env: { ...process.env, PORT: String(port), LIANLUO_DATA_DIR: mkdtempSync(join(tmpdir(), 'lianluo-shots-')) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => server.stdout.on('data', (d) => String(d).includes('已启动') && resolve()));
  base = `http://127.0.0.1:${port}`;
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const pages = [
  ['stations', '/pages/stations/index', '.station-card'],
  ['station', '/pages/station/index?id=qx-jiedao', '.session'],
  ['me', '/pages/me/index', '.me__role'],
];
try {
  for (const large of [false, true]) {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      geolocation: { latitude: 29.4655, longitude: 121.8601 },
      permissions: ['geolocation'],
    });
    await context.addInitScript((on) => {
      window.localStorage.setItem('lianluo.largeFont', JSON.stringify({ data: on }));
    }, large);
    const page = await context.newPage();
    for (const [name, path, ready] of pages) {
      await page.goto(base + path);
      await page.waitForSelector(ready, { timeout: 15000 });
      await page.waitForTimeout(300);
      const file = join(out, `${name}${large ? '-large' : ''}.png`);
      await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === '1' });
      console.log(file);
      if (name === 'station') {
        // The lower half of the page: calendar and deputies, scrolled into view.
        const lower = join(out, `station-calendar${large ? '-large' : ''}.png`);
        await page.locator('.calendar').scrollIntoViewIfNeeded();
        await page.screenshot({ path: lower });
        console.log(lower);
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  server?.kill('SIGINT');
}
