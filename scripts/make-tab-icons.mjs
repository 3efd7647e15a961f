// Draw the tab bar icons (81×81 PNG, as WeChat asks: no SVG in tabBar) from inline SVG
// with Chromium. Run once after changing a shape; the PNGs are committed.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const shapes = {
  station: (c) =>
    `<path d="M40 8c-13 0-23 10-23 23 0 17 23 41 23 41s23-24 23-41C63 18 53 8 40 8z" fill="none" stroke="${c}" stroke-width="6"/><circle cx="40" cy="31" r="8" fill="${c}"/>`,
  opinions: (c) =>
    `<rect x="14" y="8" width="52" height="64" rx="6" fill="none" stroke="${c}" stroke-width="6"/><path d="M26 28h28M26 42h28M26 56h16" stroke="${c}" stroke-width="6" stroke-linecap="round"/>`,
  me: (c) =>
    `<circle cx="40" cy="26" r="14" fill="none" stroke="${c}" stroke-width="6"/><path d="M12 72c3-16 14-24 28-24s25 8 28 24" fill="none" stroke="${c}" stroke-width="6" stroke-linecap="round"/>`,
};
const colors = { '': '#5b5b5b', '-active': '#b71c1c' };

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 81, height: 81 } });
for (const [name, draw] of Object.entries(shapes)) {
  for (const [suffix, color] of Object.entries(colors)) {
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><svg width="81" height="81" viewBox="0 0 80 80">${draw(color)}</svg></body></html>`,
    );
    await page.screenshot({ path: `src/assets/tab/${name}${suffix}.png`, omitBackground: true });
  }
}
await browser.close();
console.log('drew src/assets/tab/*.png');
