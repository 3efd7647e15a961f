import type { Browser } from 'playwright-core';
import { formatDateZh, shanghaiDate } from '../../src/domain/dates';
import { createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { nextSessions } from '../../src/domain/reception-calendar';
import { DEMO_STATIONS } from '../../server/local/demo-street';
import { launchChromium, PHONE } from './chromium';
import { startServerProcess } from './server-process';

jest.setTimeout(60000);

let server: Awaited<ReturnType<typeof startServerProcess>>;
let browser: Browser;

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The date the first station's next session must show, from the rule alone (the demo moves none of its sessions). */
function expectedNextSession(): string {
  const first = DEMO_STATIONS[0]!;
  const [session] = nextSessions({
    rule: first.receptionRule,
    calendar: createHolidayCalendar(),
    overrides: [],
    today: shanghaiDate(Date.now()),
    count: 1,
  });
  return formatDateZh(session!.date);
}

describe('a voter finds a station and its next reception day', () => {
  test('without location: the list in default order, a notice, then the station and its next session', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByText('未能获取您的位置').waitFor();
    const cards = page.locator('.station-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(8);
    await expect(cards.first().textContent()).resolves.toContain('青溪街道人大代表联络站');

    await cards.first().click();
    await page.waitForURL(/pages\/station\/index\?id=qx-jiedao/);
    await page.getByText('接下来的接待日').waitFor();
    const firstSession = page.locator('.session__date').first();
    await expect(firstSession.textContent()).resolves.toBe(expectedNextSession());
    expect(await page.locator('.session-list .session').count()).toBe(6);
    await expect(page.locator('body').textContent()).resolves.toContain('0574-65710288');

    await page.locator('.follow-button').click();
    await page.locator('.follow-button', { hasText: '取消提醒' }).waitFor();
    await page.reload();
    await page.locator('.follow-button', { hasText: '取消提醒' }).waitFor();
    await context.close();
  });

  test('with location granted: nearest station first, with its distance', async () => {
    // A WGS-84 position a few metres from 油车巷村 (the app shifts it to GCJ-02).
    const context = await browser.newContext({
      ...PHONE,
      geolocation: { latitude: 29.46886, longitude: 121.85672 },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByText('已按离您的距离由近到远排列').waitFor();
    const first = page.locator('.station-card').first();
    await expect(first.textContent()).resolves.toContain('油车巷村人大代表接待点');
    await expect(first.locator('.card__distance').textContent()).resolves.toMatch(/距您约 \d+ 米/);
    await context.close();
  });

  test('anyone can open each station’s figures from the list', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.public-figures-link').click();
    await page.waitForURL(/pages\/public-figures\/index/);
    await page.locator('.public-station').first().waitFor();
    expect(await page.locator('.public-station').count()).toBe(8);
    await context.close();
  });

  test('我的 shows the role, and the local caller switcher changes it', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${server.url}/pages/me/index`);
    await expect(page.locator('.me__role').textContent()).resolves.toBe('选民');
    await page.locator('[data-openid="demo-staff"]').click();
    await page.locator('.me__role[data-role="staff"]').waitFor();
    await expect(page.locator('.me').textContent()).resolves.toContain('青溪街道人大代表联络站');
    await context.close();
  });
});
