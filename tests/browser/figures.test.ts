import type { Browser, Page } from 'playwright-core';
import { actAs as switchCaller } from './as-caller';
import { launchChromium, PHONE } from './chromium';
import { startServerProcess } from './server-process';

jest.setTimeout(90000);

let server: Awaited<ReturnType<typeof startServerProcess>>;
let browser: Browser;
let page: Page;

const api = async (fn: string, openid: string, body: Record<string, unknown>) => {
  const res = await fetch(`${server.url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify(body),
  });
  return ((await res.json()) as { data: Record<string, unknown> }).data;
};

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  page = await (await browser.newContext({ ...PHONE, acceptDownloads: true })).newPage();
  for (let i = 0; i < 3; i += 1) {
    await api('opinions', `voter-fig-${i}`, {
      action: 'submit',
      stationId: 'qx-jiedao',
      category: 'transport',
      content: `来薰路第${i + 1}个路口信号灯配时太短，老人过马路来不及。`,
      requestId: `figures-${i}-0000`,
    });
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const actAs = (openid: string, role: string) => switchCaller(page, server.url, openid, role);

describe('办理统计', () => {
  test('station staff see this year’s figures, with 样本不足 where fewer than ten', async () => {
    await actAs('demo-staff', 'staff');
    await page.locator('.figures-entry').click();
    await page.waitForURL(/casework\/figures/);
    await expect(page.locator('.figure-collected').textContent()).resolves.toBe('3');
    await expect(page.locator('.rate-line').first().textContent()).resolves.toContain('样本不足');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.export-sheet').click()]);
    expect(download.suggestedFilename()).toMatch(/^opinions-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}-[a-f0-9]{16}\.xlsx$/);
  });

  test('the committee downloads the annual report as a .docx', async () => {
    await actAs('demo-admin', 'admin');
    await page.locator('.figures-entry').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.annual-report').click()]);
    expect(download.suggestedFilename()).toMatch(/^annual-report-\d{4}-[a-f0-9]{16}\.docx$/);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
  });
});
