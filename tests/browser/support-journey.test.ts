import type { Browser, BrowserContext, Page } from 'playwright-core';
import { actAs as switchCaller } from './as-caller';
import { launchChromium, PHONE } from './chromium';
import { startServerProcess } from './server-process';

jest.setTimeout(90000);

// 附议 in the app: voter B starts writing what voter A already raised, sees A's open opinion
// under 附近居民也反映过类似问题, taps 我也遇到这个问题（附议）, and follows it in 我的意见.

let server: Awaited<ReturnType<typeof startServerProcess>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  context = await browser.newContext(PHONE);
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const A_WROTE = '来薰路菜场门口的下水道井盖松动了，电动车压过去哐当响，晚上有老人差点绊倒，希望尽快修好。';
const B_TYPES = '来薰路菜场门口井盖松动，老人晚上差点绊倒';
const A_CONTACT = { name: '赵阿姨', phone: '13905748888' };

/** Voter A's opinion, submitted through the function as the app would (A is not a demo caller). */
async function submittedByA(): Promise<string> {
  const res = await fetch(`${server.url}/api/opinions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': 'neighbour-a' },
    body: JSON.stringify({
      action: 'submit',
      stationId: 'qx-jiedao',
      category: 'security',
      content: A_WROTE,
      requestId: 'support-journey-a-1',
      contact: A_CONTACT,
      consent: true,
    }),
  });
  const body = (await res.json()) as { ok: boolean; data: { opinionId: string } };
  expect(body.ok).toBe(true);
  return body.data.opinionId;
}

test('voter B sees A’s similar open opinion while writing, supports it, and finds it in 我的意见', async () => {
  const opinionId = await submittedByA();
  await switchCaller(page, server.url, 'demo-voter', 'voter');

  await page.goto(`${server.url}/pages/submit/index?stationId=qx-jiedao`);
  await page.locator('[data-category="security"]').click();
  await page.getByRole('textbox', { name: '您的意见或建议' }).fill(B_TYPES);
  const similar = page.locator(`.similar[data-opinion-id="${opinionId}"]`);
  await similar.waitFor();
  await page.getByText('附近居民也反映过类似问题').waitFor();
  const shown = (await similar.textContent()) ?? '';
  expect(shown).toContain(`编号 ${opinionId.slice(-6).toUpperCase()}`);
  expect(shown).toContain('还没有人附议');
  expect(shown).not.toContain(A_CONTACT.name);

  const button = similar.locator('.support-button');
  await expect(button.textContent()).resolves.toBe('我也遇到这个问题（附议）');
  await button.click();
  await page.locator('.support-done').waitFor();
  await similar.getByText('已有1人附议').waitFor();
  await similar.getByText('✓ 已附议，查看办理进展').waitFor();

  await page.goto(`${server.url}/pages/mine/index`);
  const card = page.locator(`.opinion-card[data-opinion-id="${opinionId}"]`);
  await card.waitFor();
  await expect(card.textContent()).resolves.toContain('我附议的');
  await card.click();
  await page.waitForURL(/pages\/opinion\/index\?id=/);
  await page.locator('.opinion-content').filter({ visible: true }).waitFor();
  const detail = (await page.locator('body').textContent()) ?? '';
  expect(detail).toContain(A_WROTE);
  expect(detail).toContain('附议 1 人（含您）');
  expect(detail).toContain('选民：附议了这条意见');
  expect(detail).not.toContain(A_CONTACT.phone);
  expect(await page.locator('.withdraw-button').count()).toBe(0);
});
