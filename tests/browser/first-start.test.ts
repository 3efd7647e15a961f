import type { Browser, Page } from 'playwright-core';
import { addDays, shanghaiDate } from '../../src/domain/dates';
import { actAs as switchCaller } from './as-caller';
import { launchChromium, PHONE } from './chromium';
import { startServerProcess } from './server-process';

jest.setTimeout(90000);

let server: Awaited<ReturnType<typeof startServerProcess>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServerProcess(); // a fresh data folder: the first start
  browser = await launchChromium();
  page = await (await browser.newContext(PHONE)).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// Taro's H5 router keeps the pages below in the DOM, hidden: only what is visible is on screen.
const visible = (selector: string) => page.locator(`${selector} >> visible=true`);

describe('the first npm start is a lived-in street', () => {
  test('the first scheduler run at start has escalated a seeded overdue opinion: demo-staff sees it in the timeline', async () => {
    expect(server.log()).toMatch(/\[定时任务\] 期限检查：催办 [1-9]\d* 件，督办 [1-9]\d* 件/);
    await switchCaller(page, server.url, 'demo-staff', 'staff');
    await visible('.inbox-entry').click();
    await page.waitForURL(/casework\/inbox/);
    await visible('[data-filter="overdue"]').click();
    await visible('.opinion-card').filter({ hasText: '油车巷18号旁的危房外墙开裂' }).click();
    await page.waitForURL(/casework\/case/);
    await visible('.timeline').getByText('已提请联络站督办').waitFor();
  });

  test('figures are there from the start: the last 30 days of the station are counted', async () => {
    await switchCaller(page, server.url, 'demo-staff', 'staff');
    await visible('.figures-entry').click();
    await page.waitForURL(/casework\/dashboard/);
    await visible('[role=tab]').filter({ hasText: '近30天' }).click();
    const today = shanghaiDate(Date.now());
    await visible('.card__label')
      .filter({ hasText: `${addDays(today, -29)} 至 ${today}` })
      .waitFor();
    expect(Number(await visible('.figure-collected').textContent())).toBeGreaterThan(0);
  });
});
