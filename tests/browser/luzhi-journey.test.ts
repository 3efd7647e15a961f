import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { seedDemoData } from '../../server/local/seed';
import { actAs as switchCaller } from './as-caller';
import { launchChromium, PHONE } from './chromium';
import { startServerProcess } from './server-process';

// Issue #13's acceptance, as a new user would try it on `npm start`: demo-admin records a 执法检查
// with three deputies (one 请假 with a reason, one mark corrected with a reason); demo-deputy
// records a 走访选民 of 12 people; demo-staff confirms it; demo-deputy's 履职档案 counts both.

jest.setTimeout(120000);

let server: Awaited<ReturnType<typeof startServerProcess>>;
let browser: Browser;
let page: Page;

/** 陈建国 (demo-deputy), 李志强 of the same station and 张丽华 of 文昌. */
const INVITED = { chen: 'd01', li: 'd03', zhang: 'd04' };
const INSPECTION = '《道路交通安全法》贯彻实施情况执法检查';
const VISIT = '走访青草巷周转房住户';

/** The demo street and nothing else. */
async function streetOnly() {
  const dir = mkdtempSync(join(tmpdir(), 'lianluo-luzhi-'));
  const store = createSqliteStore(join(dir, 'lianluo.sqlite'));
  await seedDemoData(store, { now: () => Date.now() });
  await store.close();
  return dir;
}

beforeAll(async () => {
  server = await startServerProcess(await streetOnly());
  browser = await launchChromium();
  page = await (await browser.newContext(PHONE)).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const actAs = (openid: string, role: string) => switchCaller(page, server.url, openid, role);
const attendee = (deputyId: string) => page.locator(`.attendee[data-deputy-id="${deputyId}"]`);
const numberIn = async (selector: string) => Number(await page.locator(selector).textContent());

/** demo-deputy's 履职档案 for this year, opened from 我的: attended, and voters met. */
async function deputyRecord() {
  await actAs('demo-deputy', 'deputy');
  await page.locator('.deputy-record-entry').click();
  await page.locator('.record-name').waitFor();
  return { present: await numberIn('.record-present'), voters: await numberIn('.record-voters') };
}

describe('履职: a 执法检查 with attendance, a deputy’s own visit confirmed, and the 履职档案 that counts both', () => {
  let before = { present: 0, voters: 0 };
  let visitUrl = '';

  test('demo-deputy’s 履职档案 opens from 我的', async () => {
    before = await deputyRecord();
    await expect(page.locator('.record-head').textContent()).resolves.toContain('陈建国');
  });

  test('demo-admin records a 执法检查 inviting three deputies, each 待登记 until marked', async () => {
    await actAs('demo-admin', 'admin');
    await page.locator('.activities-entry').click();
    await page.locator('.record-entry').click();
    await page.waitForURL(/casework\/activity-record/);
    await page.locator('[data-kind="law_enforcement_inspection"]').click();
    await page.locator('input.record-title').fill(INSPECTION);
    await page.locator('input.record-place').fill('县交通运输局');
    await page.locator('input.record-subject').fill('县交通运输局、交警大队');
    for (const id of Object.values(INVITED)) await page.locator(`.invite-option[data-deputy-id="${id}"]`).click();
    await expect(page.locator('.picked-count').textContent()).resolves.toContain('3');
    await page.locator('.record-save').click();
    await page.waitForURL(/casework\/activity\/index\?id=/);
    await expect(page.locator('.activity-kind').textContent()).resolves.toContain('执法检查');
    await expect(page.locator('.attendee').count()).resolves.toBe(3);
    await expect(page.locator('.attendee .attendance-chip[data-attendance="invited"]').count()).resolves.toBe(3);
  });

  test('marks 陈建国 出席, 张丽华 请假 with her reason, and 李志强 缺席 then 出席 with a 更正原因', async () => {
    await attendee(INVITED.chen).locator('.mark-present').click();
    await attendee(INVITED.chen).locator('[data-attendance="present"]').waitFor();

    // 请假 is not sent until its reason is written.
    await attendee(INVITED.zhang).locator('.mark-leave').click();
    await attendee(INVITED.zhang).locator('input.leave-reason').fill('参加县人代会专题培训');
    await attendee(INVITED.zhang).locator('.send-mark').click();
    await attendee(INVITED.zhang).locator('[data-attendance="leave"]').waitFor();
    await expect(attendee(INVITED.zhang).locator('.attendee__reason').textContent()).resolves.toContain(
      '参加县人代会专题培训',
    );

    await attendee(INVITED.li).locator('.mark-absent').click();
    await attendee(INVITED.li).locator('[data-attendance="absent"]').waitFor();
    // Changing a mark already made asks why, and the change is listed under the activity.
    await attendee(INVITED.li).locator('.mark-present').click();
    await attendee(INVITED.li).locator('input.correction-reason').fill('签到表漏登，实际到场');
    await attendee(INVITED.li).locator('.send-mark').click();
    await attendee(INVITED.li).locator('[data-attendance="present"]').waitFor();
    const corrections = await page.locator('.corrections').textContent();
    expect(corrections).toContain('李志强：缺席 → 出席');
    expect(corrections).toContain('签到表漏登，实际到场');
  });

  test('the 执法检查 is in 履职活动 with 2 of 3 出席, and demo-deputy’s 履职档案 counts one more 出席', async () => {
    await page.goto(`${server.url}/casework/activities/index`);
    await expect(page.locator('.activity-card', { hasText: INSPECTION }).textContent()).resolves.toContain(
      '出席 2/3 人',
    );
    const now = await deputyRecord();
    expect(now.present).toBe(before.present + 1);
    await expect(
      page.locator('.record-kinds [data-kind="law_enforcement_inspection"]').textContent(),
    ).resolves.toContain('出席 1 次');
  });

  test('demo-deputy records a 走访选民 of 12 people, which awaits the station’s confirmation', async () => {
    await page.goto(`${server.url}/pages/me/index`);
    await page.locator('.activities-entry').click();
    // Their own 执法检查 is listed among the activities they were invited to.
    await page.locator('.activity-card', { hasText: INSPECTION }).waitFor();
    await page.locator('.record-entry').click();
    await page.waitForURL(/casework\/activity-record/);
    // A deputy records only their own visit: no other kind, no other deputies to invite.
    await page.locator('.own-visit-kind').waitFor();
    await expect(page.locator('[data-kind]').count()).resolves.toBe(0);
    await expect(page.locator('.invite-option').count()).resolves.toBe(0);
    await page.locator('input.record-title').fill(VISIT);
    await page.locator('input.record-place').fill('青草巷周转房小区');
    await page.locator('input.record-voters').fill('12');
    await page
      .locator('.record-outcome textarea')
      .fill('住户反映安置房交付时间不明，周转房漏雨，已记录并转街道棚改办。');
    await page.locator('.record-save').click();
    await page.waitForURL(/casework\/activity\/index\?id=/);
    visitUrl = page.url();
    await expect(page.locator('.activity-head .activity-status').textContent()).resolves.toBe('待确认');
    await expect(page.locator('.activity-voters').textContent()).resolves.toContain('12');
    expect((await deputyRecord()).voters).toBe(before.voters);
  });

  test('on the visit, demo-deputy takes down what a resident raised; the voter gets a claim code and the visit lists it', async () => {
    await actAs('demo-deputy', 'deputy');
    await page.goto(visitUrl);
    await page.locator('.visit-intake').click();
    await page.waitForURL(/casework\/intake\/index\?activityId=/);
    await page.locator('.intake-visit').waitFor();
    await page.getByRole('radio', { name: '棚改与住房' }).click();
    await page.locator('textarea').fill('青草巷周转房屋顶漏雨，住户已住了三年，希望尽快维修并公布安置房交付时间。');
    await page.locator('.intake-save').click();
    const result = await page.locator('.intake-result').textContent();
    expect(result).toMatch(/查询码 [A-Z0-9]{8}/);
    await page.goBack();
    await page.locator('.activity-opinion').first().waitFor();
    await expect(page.locator('.visit-opinions .card__label').textContent()).resolves.toContain('1 条');
    // The opinion is 陈建国's own case: it opens from the visit.
    await page.locator('.activity-opinion').first().click();
    await page.waitForURL(/casework\/case\/index\?id=/);
    await page.getByText('走访选民时代为登记了这条意见').first().waitFor();
  });

  test('demo-staff finds it first among 待确认的走访 and confirms it', async () => {
    await actAs('demo-staff', 'staff');
    await page.locator('.activities-entry').click();
    await page.locator('.pending-visits .activity-card', { hasText: VISIT }).click();
    await page.locator('.review-confirm').click();
    await page.locator('.activity-head .activity-status', { hasText: '已确认' }).waitFor();
    await page.goto(`${server.url}/casework/activities/index`);
    await page.locator('.activity-card', { hasText: INSPECTION }).waitFor();
    await expect(page.locator('.pending-visits .activity-card', { hasText: VISIT }).count()).resolves.toBe(0);
  });

  test('demo-deputy’s 履职档案 now counts the 12 voters of the visit as well as the 执法检查', async () => {
    const now = await deputyRecord();
    expect(now.voters).toBe(before.voters + 12);
    expect(now.present).toBeGreaterThanOrEqual(before.present + 1);
    await page.locator('.record-kinds [data-kind="law_enforcement_inspection"]').waitFor();
  });

  test('the committee’s 履职统计 counts the 执法检查 and the 12 voters, and opens each deputy’s 履职档案', async () => {
    await actAs('demo-admin', 'admin');
    await page.goto(`${server.url}/casework/dashboard/index`);
    await page.locator('.activity-figures-entry').click();
    await page.waitForURL(/casework\/activity-figures/);
    await expect(
      page.locator('.kind-line[data-kind="law_enforcement_inspection"] .kind-line__value').textContent(),
    ).resolves.toMatch(/[1-9]\d* 次/);
    expect(await numberIn('.figure-voters')).toBeGreaterThanOrEqual(12);
    await page.locator(`.deputy-figures[data-deputy-id="${INVITED.zhang}"]`).click();
    await page.waitForURL(/casework\/deputy-record\/index\?deputyId=d04/);
    await expect(page.locator('.record-name').textContent()).resolves.toBe('张丽华');
    expect(await numberIn('.record-leave')).toBeGreaterThanOrEqual(1);
  });
});
