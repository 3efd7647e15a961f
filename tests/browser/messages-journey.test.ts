import type { Browser, Page } from 'playwright-core';
import { actAs as switchCaller } from './as-caller';
import { launchChromium, PHONE } from './chromium';
import { startServerProcess } from './server-process';

jest.setTimeout(120000);

let server: Awaited<ReturnType<typeof startServerProcess>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  page = await (await browser.newContext(PHONE)).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const actAs = (openid: string, role: string) => switchCaller(page, server.url, openid, role);

describe('a new user of npm start sees the deadline rules at work, in 消息 and in the timeline', () => {
  test('staff find the seeded overdue opinion’s 督办 among their unread messages', async () => {
    await actAs('demo-staff', 'staff');
    // The deadline job runs at start; the first look may come before it has finished.
    await page
      .waitForFunction(
        () => /消息（\d+条未读）/.test(document.querySelector('.messages-entry')?.textContent ?? ''),
        undefined,
        { timeout: 60000, polling: 1000 },
      )
      .catch(async () => {
        await page.reload();
      });
    await page.locator('.messages-entry').click();
    await page.waitForURL(/pages\/messages\/index/);
    const escalation = page.locator('.message', { hasText: '督办：意见已超期未答复' }).first();
    await escalation.waitFor();
    await escalation.click();
    await page.waitForURL(/casework\/case\/index\?id=op/);
    await expect(page.locator('.timeline').textContent()).resolves.toContain('已提请联络站督办');
  });

  test('opening 消息 reads it: the unread count is gone from 我的', async () => {
    await page.goto(`${server.url}/pages/me/index`);
    await page.locator('.me__role[data-role="staff"]').waitFor();
    await expect(page.locator('.messages-entry').textContent()).resolves.toBe('消息');
  });

  test('a voter’s opinion answered by the deputy is in the voter’s 消息, and the line opens it', async () => {
    await actAs('demo-voter', 'voter');
    await page.goto(`${server.url}/pages/submit/index?stationId=qx-jiedao`);
    await page.locator('[data-category="transport"]').click();
    await page
      .locator('.opinion-text textarea')
      .fill('青溪路公交站台没有遮雨棚，老人下雨天等车全身淋湿，希望加装雨棚和座椅。');
    await page.locator('.submit-button').click();
    await page.waitForURL(/pages\/opinion\/index\?id=op/);
    const opinionUrl = page.url().replace(/&submitted=1$/, '');
    const opinionId = /id=(op[\w-]+)/.exec(opinionUrl)?.[1] ?? '';

    await actAs('demo-deputy', 'deputy');
    await page.goto(`${server.url}/casework/case/index?id=${opinionId}`);
    await page.locator('.case-text textarea').fill('已与县交通运输局沟通，下月起加装雨棚和候车座椅。');
    await page.locator('.reply-button').click();
    await page.locator('.case-message', { hasText: '答复已发送给选民' }).waitFor();

    await actAs('demo-voter', 'voter');
    await page.goto(`${server.url}/pages/messages/index`);
    const line = page.locator('.message', { hasText: '代表答复了您的意见' }).first();
    await line.waitFor();
    await expect(line.textContent()).resolves.toContain('下月起加装雨棚和候车座椅');
    await line.click();
    await page.waitForURL(new RegExp(`pages/opinion/index\\?id=${opinionId}`));
  });
});
