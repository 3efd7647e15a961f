import type { Browser, Page } from 'playwright-core';
import { actAs as switchCaller } from './as-caller';
import { launchChromium, PHONE } from './chromium';
import { startServerProcess } from './server-process';

jest.setTimeout(90000);

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

describe('a reception day: staff record a walk-in, the voter follows it, a repeat is merged', () => {
  let claimCode = '';

  test('staff record an opinion brought in person and get a claim code for the voter', async () => {
    await actAs('demo-staff', 'staff');
    await page.locator('.inbox-entry').click();
    await page.getByText('代为登记意见').click();
    await page.waitForURL(/casework\/intake/);
    // The station's inbox (kept below, hidden) lists the street's opinions too: choose the category by its role.
    await page.getByRole('radio', { name: '环境与治水' }).click();
    await page.locator('textarea').fill('中央河油车巷段河面漂浮垃圾多，夏天有异味，希望增加保洁频次。');
    await page.locator('.intake-save').click();
    const result = await page.locator('.intake-result').textContent();
    claimCode = /查询码 ([A-Z0-9]{8})/.exec(result ?? '')?.[1] ?? '';
    expect(claimCode).toMatch(/^[A-Z0-9]{8}$/);
  });

  test('the voter enters the code in 我的意见 and follows the opinion', async () => {
    await actAs('demo-voter', 'voter');
    await page.goto(`${server.url}/pages/mine/index`);
    await page.locator('input.claim-input').fill(claimCode);
    await page.getByText('查询并关注').click();
    await page.waitForURL(/pages\/opinion\/index\?id=op/);
    await expect(page.locator('.timeline').textContent()).resolves.toContain('代为登记');
    await page.goto(`${server.url}/pages/mine/index`);
    await expect(page.locator('.opinion-card').first().textContent()).resolves.toContain('中央河油车巷段');
  });

  test('the voter repeats it in the app; staff merge the repeat into the first, and the voter sees why', async () => {
    await page.goto(`${server.url}/pages/submit/index?stationId=qx-jiedao`);
    await page.locator('[data-category="environment"]').click();
    await page.locator('.opinion-text textarea').fill('油车巷旁边的中央河垃圾很多，气味难闻，请代表反映一下。');
    await page.locator('.submit-button').click();
    await page.waitForURL(/pages\/opinion\/index\?id=op/);
    const repeatUrl = page.url().replace(/&submitted=1$/, '');

    await actAs('demo-staff', 'staff');
    await page.goto(repeatUrl.replace('/pages/opinion/index', '/casework/case/index'));
    await page.locator('.case-text textarea').fill('与接待日登记的同一问题合并办理');
    await page.getByText('重复意见，合并办理').click();
    // The station has other open opinions: merge into the one recorded at the reception day.
    await page.locator('[data-merge-into]', { hasText: '中央河油车巷段' }).click();
    await page.getByText('已合并，选民会看到理由').waitFor();

    await actAs('demo-voter', 'voter');
    await page.goto(repeatUrl);
    // The voter sees the merge, its reason and the status 未受理 once the page has loaded.
    await page.locator('.card__label', { hasText: '合并办理' }).waitFor();
    await page.getByText('与接待日登记的同一问题合并办理').first().waitFor();
    await page.locator('.chip', { hasText: '未受理' }).waitFor();
  });
});
