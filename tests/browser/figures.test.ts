import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { generateDemoYear } from '../../server/local/demo-year';
import { LOCAL_FUNCTIONS } from '../../server/local/functions';
import { seedDemoData } from '../../server/local/seed';
import { setRuntime } from '../../server/runtime/runtime';
import { shanghaiDate } from '../../src/domain/dates';
import { testRuntime } from '../support/test-runtime';
import { actAs as switchCaller } from './as-caller';
import { launchChromium, PHONE } from './chromium';
import { startServerProcess } from './server-process';

jest.setTimeout(90000);

let server: Awaited<ReturnType<typeof startServerProcess>>;
let browser: Browser;
let page: Page;

const DAY = 86_400_000;

const api = async (fn: string, openid: string, body: Record<string, unknown>, base = server.url) => {
  const res = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify(body),
  });
  return ((await res.json()) as { data: Record<string, unknown> }).data;
};

/**
 * A data folder with the demo street and nothing else: a fresh `npm start` would add months of
 * activity, but the figures below are counted from three opinions of this year. A store that is
 * already seeded is started as it is.
 */
async function streetOnly() {
  const dir = mkdtempSync(join(tmpdir(), 'lianluo-figures-'));
  const store = createSqliteStore(join(dir, 'lianluo.sqlite'));
  await seedDemoData(store, { now: () => Date.now() });
  await store.close();
  return dir;
}

beforeAll(async () => {
  server = await startServerProcess(await streetOnly());
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
    await page.waitForURL(/casework\/dashboard/);
    await expect(page.locator('.figure-collected').textContent()).resolves.toBe('3');
    await expect(page.locator('.rate-line').first().textContent()).resolves.toContain('样本不足');
    // Three opinions, none replied: every category's rate is 样本不足, so no chart is drawn at all.
    await expect(page.locator('.chart-categories .chart-card__none').textContent()).resolves.toContain('样本不足');
    await expect(page.locator('.chart-categories svg').count()).resolves.toBe(0);
    await expect(page.locator('.chart-categories .chart-card__caption').textContent()).resolves.toContain('交通出行');
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

/** What an SVG chart drew: its texts in order, and its bars (coloured paths below the legend) with their size. */
async function readChart(on: Page, selector: string) {
  const chart = on.locator(`${selector} .chart`);
  await chart.locator('svg text').first().waitFor({ state: 'visible' });
  const drawn = await chart.evaluate((element) => {
    const svg = element.querySelector('svg')!;
    const top = svg.getBoundingClientRect().top;
    return {
      label: element.getAttribute('aria-label') ?? '',
      texts: Array.from(svg.querySelectorAll('text')).map((t) => t.textContent ?? ''),
      paths: Array.from(svg.querySelectorAll('path')).map((p) => {
        const box = p.getBoundingClientRect();
        return { fill: p.getAttribute('fill') ?? '', y: box.top - top, width: box.width };
      }),
    };
  });
  // The legend's keys are the coloured shapes in the top line; bars start below it.
  const bars = drawn.paths.filter((p) => p.fill.startsWith('#') && p.y >= 20);
  return { label: drawn.label, texts: drawn.texts, bars };
}

describe('办理统计 after a year of activity', () => {
  let year: Awaited<ReturnType<typeof startServerProcess>>;
  let yearPage: Page;
  let lateOpinionId: string;

  beforeAll(async () => {
    // A year of the demo street's activity, then one opinion submitted 30 days ago that nobody
    // answers: whatever the year drew, something is overdue today.
    const dir = mkdtempSync(join(tmpdir(), 'lianluo-figures-year-'));
    const store = createSqliteStore(join(dir, 'lianluo.sqlite'));
    const now = Date.now();
    const runtime = testRuntime(store, { now: () => now }, dir);
    await seedDemoData(store, runtime.clock);
    await generateDemoYear(runtime, { from: now - 365 * DAY, to: now, perDay: 2 });
    setRuntime({ ...runtime, clock: { now: () => now - 30 * DAY } });
    const submitted = (await LOCAL_FUNCTIONS.opinions!(
      {
        action: 'submit',
        stationId: 'qx-jiedao',
        category: 'environment',
        content: '青溪河东岸排污口雨天冒黑水，气味很大，希望尽快排查。',
        requestId: 'figures-overdue-0001',
      },
      { environment: JSON.stringify({ WX_OPENID: 'voter-overdue' }) },
    )) as { ok: boolean; data: { opinionId: string } };
    expect(submitted.ok).toBe(true);
    lateOpinionId = submitted.data.opinionId;
    // Twelve opinions three days ago at the first station, half of them answered: in the last 30
    // days it has a real 办复率 beside 满意率 and other stations under ten (样本不足).
    const call = async (fn: string, openid: string, event: Record<string, unknown>) =>
      (await LOCAL_FUNCTIONS[fn]!(event, { environment: JSON.stringify({ WX_OPENID: openid }) })) as {
        ok: boolean;
        data: Record<string, unknown>;
      };
    setRuntime({ ...runtime, clock: { now: () => now - 3 * DAY } });
    for (let i = 0; i < 12; i += 1) {
      const voter = `voter-recent-${i}`;
      const made = await call('opinions', voter, {
        action: 'submit',
        stationId: 'qx-jiedao',
        category: 'transport',
        content: `青溪路第${i + 1}个公交站的站牌字太小，老人看不清。`,
        requestId: `figures-recent-${i}-000`,
      });
      expect(made.ok).toBe(true);
      if (i % 2 === 1) continue;
      const view = await call('opinions', voter, { action: 'get', opinionId: made.data.opinionId });
      const deputyId = (view.data.assignedDeputy as { id: string }).id;
      const deputy = deputyId === 'd01' ? 'demo-deputy' : `demo-deputy-${deputyId}`;
      const replied = await call('casework', deputy, {
        action: 'reply',
        opinionId: made.data.opinionId,
        content: '已联系公交公司，下月更换大字站牌。',
      });
      expect(replied.ok).toBe(true);
    }
    setRuntime(runtime);
    await store.close();
    year = await startServerProcess(dir);
    yearPage = await (await browser.newContext(PHONE)).newPage();
    await switchCaller(yearPage, year.url, 'demo-admin', 'admin');
    await yearPage.locator('.figures-entry').click();
    await yearPage.waitForURL(/casework\/dashboard/);
  }, 120000);
  afterAll(async () => {
    await year?.stop();
  });

  test('the monthly chart has a row for every month of the year so far, its bars and labels the API’s counts', async () => {
    const today = shanghaiDate(Date.now());
    const stats = (await api(
      'reports',
      'demo-admin',
      { action: 'stats', from: `${today.slice(0, 4)}-01-01`, to: today, groupBy: 'month' },
      year.url,
    )) as unknown as {
      collected: number;
      groups: Array<{ key: string; collected: number; replied: number; resolved: number }>;
    };
    const months = stats.groups;
    expect(months).toHaveLength(Number(today.slice(5, 7)));
    expect(stats.collected).toBeGreaterThan(0);

    const chart = await readChart(yearPage, '.chart-monthly');
    expect(chart.texts.filter((t) => /^\d+月$/.test(t))).toEqual(months.map((m) => `${Number(m.key.slice(5))}月`));
    // Every bar's label, series by series: 征集, then 答复, then 办结, month by month.
    expect(chart.texts.filter((t) => /^\d+$/.test(t)).map(Number)).toEqual([
      ...months.map((m) => m.collected),
      ...months.map((m) => m.replied),
      ...months.map((m) => m.resolved),
    ]);
    // One bar a month in each colour, as long as its count (to within a pixel of rounding).
    for (const [colour, pick] of [
      ['#b71c1c', (m: (typeof months)[number]) => m.collected],
      ['#8a4b00', (m: (typeof months)[number]) => m.replied],
      ['#1d4d27', (m: (typeof months)[number]) => m.resolved],
    ] as const) {
      const bars = chart.bars.filter((b) => b.fill === colour);
      expect(bars).toHaveLength(months.length);
      const longest = Math.max(...months.map(pick));
      const pxPerItem = Math.max(...bars.map((b) => b.width)) / longest;
      bars.forEach((bar, i) => expect(Math.abs(bar.width - pick(months[i]!) * pxPerItem)).toBeLessThan(1.5));
    }
    expect(chart.label).toContain(`征集${stats.collected}件`);
  });

  test('the station chart draws 办复率 and 满意率 for every station with rate and count, and no bar for 样本不足', async () => {
    const today = shanghaiDate(Date.now());
    const periods = [
      { tab: 1, from: shanghaiDate(Date.now() - 29 * DAY) },
      { tab: 0, from: `${today.slice(0, 4)}-01-01` },
    ];
    for (const { tab, from } of periods) {
      await yearPage.locator('[role=tab]').nth(tab).click();
      await yearPage.locator('.card__label', { hasText: `${from} 至 ${today}` }).waitFor();
      const stats = (await api(
        'reports',
        'demo-admin',
        { action: 'stats', from, to: today, groupBy: 'station' },
        year.url,
      )) as unknown as { groups: Array<{ replyRate: Rate; satisfactionRate: Rate }> };
      const rates = [...stats.groups.map((g) => g.replyRate), ...stats.groups.map((g) => g.satisfactionRate)];
      const chart = await readChart(yearPage, '.chart-stations');
      // Station by station, 办复率 and then 满意率: the rate and its count, or 样本不足 and its count.
      expect(chart.texts.filter((t) => /\d+\/\d+$/.test(t))).toEqual(
        rates.map((r) => `${r.label} ${r.numerator}/${r.denominator}`),
      );
      // A bar for every real rate above zero; none for 样本不足.
      const drawn = rates.filter((r) => r.value !== null && r.value > 0);
      expect(chart.bars.filter((b) => b.width > 0)).toHaveLength(drawn.length);
      if (tab === 1) {
        expect(rates.some((r) => r.value === null)).toBe(true);
        expect(drawn.length).toBeGreaterThan(0);
      }
    }
  });

  test('the overdue list shows each opinion past its reply date: station, deputy and days overdue', async () => {
    const today = shanghaiDate(Date.now());
    const overdue = (await api(
      'casework',
      'demo-admin',
      { action: 'inbox', filter: 'overdue', limit: 50 },
      year.url,
    )) as unknown as {
      items: Array<{ id: string; replyDueDate: string; stationName: string; assignedDeputyName: string }>;
    };
    expect(overdue.items.map((o) => o.id)).toContain(lateOpinionId);
    await yearPage.locator('.overdue-row').first().waitFor();
    await expect(yearPage.locator('.overdue-row').count()).resolves.toBe(overdue.items.length);
    for (const item of overdue.items) {
      const days = Math.round((Date.parse(today) - Date.parse(item.replyDueDate)) / DAY);
      const row = yearPage.locator(`.overdue-row[data-id="${item.id}"]`);
      const text = await row.textContent();
      expect(text).toContain(`超期${days}天`);
      expect(text).toContain(item.stationName);
      expect(text).toContain(item.assignedDeputyName);
    }
    // The longest overdue first.
    const shown = await yearPage.locator('.overdue-row__days').allTextContents();
    const counts = shown.map((t) => Number(/\d+/.exec(t)![0]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await yearPage.locator(`.overdue-row[data-id="${lateOpinionId}"]`).click();
    await yearPage.waitForURL(new RegExp(`casework/case/index\\?id=${lateOpinionId}`));
  });
});

type Rate = { label: string; numerator: number; denominator: number; value: number | null };
