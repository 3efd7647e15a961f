import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { actAs as switchCaller } from './as-caller';
import { launchChromium, PHONE } from './chromium';
import { startServerProcess } from './server-process';

jest.setTimeout(90000);

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

const actAs = (openid: string, role: string) => switchCaller(page, server.url, openid, role);

const CONTENT = '青溪街道环城西路与来薰路交叉口早高峰拥堵，老人过马路很危险，建议增设红绿灯和斑马线。';

describe('an opinion from submission to a rated resolution, by three people in the app', () => {
  let opinionUrl = '';

  test('the voter submits at the first station and sees it assigned with a due date', async () => {
    await actAs('demo-voter', 'voter');
    await page.goto(`${server.url}/pages/station/index?id=qx-jiedao`);
    await page.locator('.submit-entry').click();
    await page.waitForURL(/pages\/submit\/index\?stationId=qx-jiedao/);
    await expect(page.locator('.station-choice').textContent()).resolves.toBe('青溪街道人大代表联络站');
    await page.locator('[data-category="transport"]').click();
    // Found by the names a screen reader announces: the visible label, the switches' titles.
    await page.getByRole('textbox', { name: '您的意见或建议' }).fill(CONTENT);
    await page.getByText(`${CONTENT.length}/1000 字`).waitFor();
    await page.getByRole('switch', { name: '对代表匿名' }).waitFor();
    await page.getByRole('switch', { name: '留下联系方式' }).waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.add-photos').click()]);
    await chooser.setFiles(resolve('src/assets/tab/station-active.png'));
    await page.locator('.photos__image').first().waitFor();
    await page.getByText('添加照片（1/9）').waitFor();
    await page.locator('.submit-button').click();
    await page.waitForURL(/pages\/opinion\/index\?id=op/);
    opinionUrl = page.url().replace(/&submitted=1$/, '');
    await page.getByText('提交成功').waitFor();
    expect(await page.locator('.photos__image').count()).toBe(1);
    const shown = page.locator('.photos__image img').first();
    await page.waitForFunction((img) => (img as HTMLImageElement).complete, await shown.elementHandle());
    expect(await shown.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await expect(page.locator('body').textContent()).resolves.toContain('代表办理中');
    await expect(page.locator('body').textContent()).resolves.toMatch(
      /已交由代表 陈建国 办理，应于\d+月\d+日 周.前答复/,
    );
  });

  test('the deputy finds it in the inbox and replies', async () => {
    await actAs('demo-deputy', 'deputy');
    await page.locator('.inbox-entry').click();
    await page.waitForURL(/casework\/inbox/);
    await page.locator('.opinion-card').first().click();
    await page.waitForURL(/casework\/case/);
    // The case page's text, not the inbox card behind it: that page stays in the document, hidden.
    await page.getByText(CONTENT).filter({ visible: true }).waitFor();
    await page.locator('.case-text textarea').fill('已联系县交警大队，计划下月在该路口增设信号灯和人行横道。');
    await page.locator('.reply-button').click();
    await page.getByText('答复已发送给选民').waitFor();
  });

  test('the voter sees the reply and the timeline', async () => {
    await actAs('demo-voter', 'voter');
    await page.goto(opinionUrl);
    await page.locator('.reply__content').waitFor();
    await expect(page.locator('.reply__content').textContent()).resolves.toContain('增设信号灯');
    await expect(page.locator('.timeline').textContent()).resolves.toContain('代表 陈建国：作出答复');
  });

  test('station staff confirm it resolved', async () => {
    await actAs('demo-staff', 'staff');
    await page.goto(opinionUrl.replace('/pages/opinion/index', '/casework/case/index'));
    await page.locator('.case-text textarea').fill('路口信号灯已安装投用，经现场查看通行有序。');
    await page.locator('.resolve-button').click();
    await page.getByText('已确认办结').waitFor();
  });

  test('the voter rates it 满意 and the case is closed', async () => {
    await actAs('demo-voter', 'voter');
    await page.goto(opinionUrl);
    await page.locator('[data-satisfaction="satisfied"]').click();
    await page.locator('.rate-button').click();
    await page.getByText('选民：评价为满意').waitFor();
    await expect(page.locator('body').textContent()).resolves.toContain('已评价');
    await page.goto(`${server.url}/pages/mine/index`);
    await expect(page.locator('.opinion-card').first().textContent()).resolves.toContain('已评价');
  });
});

describe('a voter leaves a contact under the notice, then erases it from the opinion page', () => {
  const CONTACT_TEXT = '东门菜场门口的下水道井盖松动，踩上去会翻，老人买菜经过很危险。';
  let opinionUrl = '';

  test('the notice says who sees the contact, how long it is kept and how to erase it', async () => {
    await actAs('demo-voter', 'voter');
    await page.goto(`${server.url}/pages/submit/index?stationId=qx-jiedao`);
    await page.locator('[data-category="transport"]').click();
    await page.getByRole('textbox', { name: '您的意见或建议' }).fill(CONTACT_TEXT);
    await page.getByRole('switch', { name: '留下联系方式' }).click();
    const notice = page.locator('.privacy-notice');
    await notice.waitFor();
    const text = await notice.textContent();
    for (const words of ['用途', '本联络站的工作人员', '对代表匿名', '180天', '删除我的联系方式']) {
      expect(text).toContain(words);
    }
    await page.getByRole('textbox', { name: '联系人姓名' }).fill('王大伯');
    await page.locator('input.contact-phone').fill('13957412345');
    await page.locator('.consent').click();
    await page.locator('.submit-button').click();
    await page.waitForURL(/pages\/opinion\/index\?id=op/);
    opinionUrl = page.url().replace(/&submitted=1$/, '');
    await page.getByText('联系人：王大伯 13957412345').waitFor();
  });

  test('asked first, the voter erases it; staff then see no contact', async () => {
    await page.locator('.erase-contact-button').click();
    await page.getByText('删除后，代表和工作人员就看不到您的姓名和电话').waitFor();
    await page.getByText('删除', { exact: true }).click();
    await page.locator('.timeline').getByText('选民：删除了联系方式').waitFor();
    expect(await page.locator('body').textContent()).not.toContain('13957412345');
    expect(await page.locator('.erase-contact-button').count()).toBe(0);

    await actAs('demo-staff', 'staff');
    await page.goto(opinionUrl.replace('/pages/opinion/index', '/casework/case/index'));
    await page.getByText(CONTACT_TEXT).filter({ visible: true }).waitFor();
    expect(await page.locator('body').textContent()).not.toContain('13957412345');
  });
});
