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
// Taro's H5 router keeps the pages below in the DOM, hidden: only what is visible is on screen.
const visible = (selector: string) => page.locator(`${selector} >> visible=true`);
const deputyCard = (id: string) => visible(`.deputy-card[data-deputy-id="${id}"]`);
const round = (district: string) => visible('.round').filter({ hasText: district });

// The demo data has an open round for 第一选区 (陈建国, 王秀英, 吴淑芬) and a closed one for 第三选区.
describe('代表述职评议 in the app', () => {
  test('a voter without a district is asked for it before rating', async () => {
    await actAs('demo-voter', 'voter');
    await visible('.evaluations-entry').click();
    await page.waitForURL(/pages\/evaluations\/index/);
    await round('第一选区').click();
    await expect(visible('.cannot-rate').textContent()).resolves.toBe('请先选择您所在的选区');
    await expect(visible('.rate-deputy-button').count()).resolves.toBe(0);
    await visible('.choose-district').click();
    await visible('[data-district="第一选区"]').click();
    await expect(visible('.my-district').textContent()).resolves.toBe('第一选区');
  });

  test('the voter sees each deputy’s record and rates one of them, once', async () => {
    await round('第一选区').click();
    const chen = deputyCard('d01');
    await expect(chen.textContent()).resolves.toContain('接待日值班');
    // 履职活动 as counts only: attended, on leave, absent, and voters visited.
    await expect(chen.textContent()).resolves.toMatch(/参加履职活动 \d+ 次，请假 \d+ 次，缺席 \d+ 次/);
    await expect(chen.textContent()).resolves.toMatch(/走访选民 \d+ 人次/);
    await chen.locator('[data-satisfaction="basically_satisfied"]').click();
    await chen.locator('textarea').fill('接待日能见到人，希望棚改的事多跟进');
    await chen.locator('.rate-deputy-button').click();
    await expect(visible('.round-message').textContent()).resolves.toBe('已提交对陈建国代表的评议，谢谢您');
    // the answer is not kept with the voter: the page says they rated, never what
    await expect(chen.locator('.my-rating').textContent()).resolves.toBe('您已评议这位代表（不记名，不显示您的选择）');
    await expect(chen.textContent()).resolves.not.toContain('希望棚改的事多跟进');
    await expect(chen.locator('.rate-deputy-button').count()).resolves.toBe(0);
    // the others can still be rated; no result is shown while the round is open
    await expect(deputyCard('d02').locator('.rate-deputy-button').count()).resolves.toBe(1);
    await expect(visible('.result').count()).resolves.toBe(0);
  });

  test('staff see how many took part and end the round early, but nothing is published before its last day', async () => {
    await actAs('demo-staff', 'staff');
    await visible('.evaluations-entry').click();
    await expect(round('第一选区').textContent()).resolves.toContain('1 人参加');
    await round('第一选区').click();
    await visible('.close-round-button').click();
    await page.getByText('结束评议', { exact: true }).click();
    await expect(visible('.round-message').textContent()).resolves.toBe('评议已结束，结果在原定结束日之后公布');
    await expect(visible('.round-phase').textContent()).resolves.toBe('已结束');
    await expect(visible('.round-publish-hint').textContent()).resolves.toContain('至少10');
    await expect(visible('.result').count()).resolves.toBe(0);
    await expect(visible('.comment').count()).resolves.toBe(0);
  });

  test('the published result of the demo’s closed round shows counts and a 95% interval to anyone', async () => {
    await actAs('demo-voter', 'voter');
    await page.goto(`${server.url}/pages/evaluation/index?roundId=ev-demo-closed`);
    const zhang = deputyCard('d04').locator('.result');
    await expect(zhang.textContent()).resolves.toContain('36 人参加');
    await expect(zhang.textContent()).resolves.toMatch(/95% 可信区间 \d+\.\d%–\d+\.\d%/);
    await expect(zhang.locator('.comment').count()).resolves.toBe(0);
  });

  test('the committee reads the comments of a round with enough raters, with no name and no time', async () => {
    await actAs('demo-admin', 'admin');
    await page.goto(`${server.url}/pages/evaluation/index?roundId=ev-demo-closed`);
    const comments = deputyCard('d04').locator('.comment');
    await expect(comments.first().textContent()).resolves.toMatch(/^【(满意|基本满意|不满意)】/);
    await expect(deputyCard('d04').locator('.comments').textContent()).resolves.not.toMatch(
      /\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}/,
    );
  });
});
