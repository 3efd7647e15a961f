// Screenshots of every page at a phone viewport (375×812), in normal and large-font mode,
// into screenshots/ (FULL_PAGE=1: whole pages). Starts its own local server on a scratch store unless BASE_URL is set.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const out = 'screenshots';
mkdirSync(out, { recursive: true });

let server;
let base = process.env.BASE_URL;
if (!base) {
  const port = 18000 + Math.floor(Math.random() * 1000);
  server = spawn(process.execPath, ['dist/server/main.js'], {
    env: { ...process.env, PORT: String(port), LIANLUO_DATA_DIR: mkdtempSync(join(tmpdir(), 'lianluo-shots-')) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => server.stdout.on('data', (d) => String(d).includes('已启动') && resolve()));
  base = `http://127.0.0.1:${port}`;
}

// One opinion carried to "replied", so that the opinion and case pages have something to show.
async function api(fn, openid, body) {
  const res = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (!json.ok) throw new Error(`${fn}.${body.action}: ${json.error.message}`);
  return json.data;
}
const submitted = await api('opinions', 'demo-voter', {
  action: 'submit',
  stationId: 'qx-jiedao',
  category: 'housing',
  content: '青草巷棚改区块签约已经三个月，安置房的交付时间一直没有公布，住在周转房的老人很着急，希望代表帮忙问问进度。',
  requestId: `shots-${Date.now()}`,
  contact: { name: '王阿婆', phone: '13957412345' },
  consent: true,
});
await api('casework', 'demo-deputy', {
  action: 'reply',
  opinionId: submitted.opinionId,
  content: '已向街道棚改办了解：青草巷安置房主体已结顶，预计明年6月交付，届时将提前一个月通知各户选房。',
});

// A 建议 of demo-deputy's from that opinion, submitted, and — where the street has units and a
// unit contact (demo-unit) — handed to the first unit and answered, for the 代表建议 pages.
const suggestion = await api('suggestions', 'demo-deputy', {
  action: 'draft',
  title: '关于加快青草巷安置房交付的建议',
  reason: '青草巷棚改区块签约已三个月，安置房交付时间一直没有公布，住在周转房的老人很着急。',
  content: '建议县住建局尽快公布青草巷安置房的建设进度和交付时间，提前一个月通知各户选房。',
  category: 'housing',
  opinionIds: [submitted.opinionId],
});
await api('suggestions', 'demo-deputy', { action: 'submit', suggestionId: suggestion.id });
const { units } = await api('suggestions', 'demo-admin', { action: 'units' });
const unitMe = await api('account', 'demo-unit', { action: 'me' });
const withUnit = unitMe.role === 'unit' && unitMe.unit !== undefined;
if (withUnit) {
  await api('suggestions', 'demo-admin', { action: 'assign', suggestionId: suggestion.id, leadUnitId: unitMe.unit.id });
  await api('suggestions', 'demo-unit', {
    action: 'answer',
    suggestionId: suggestion.id,
    answerClass: 'B',
    plannedDate: '2027-06-30',
    content: '青草巷安置房主体已结顶，正在进行室内外配套施工，计划明年6月交付，交付前一个月通知各户选房。',
  });
} else if (units.length > 0) {
  await api('suggestions', 'demo-admin', { action: 'assign', suggestionId: suggestion.id, leadUnitId: units[0].id });
}

// A neighbour's open opinion, so that the submit page has a similar one to offer for 附议.
const NEIGHBOUR_WROTE = '青草巷棚改安置房什么时候交付一直没有消息，住在周转房的老人都很着急，请代表帮忙问问进度。';
await api('opinions', 'shots-neighbour', {
  action: 'submit',
  stationId: 'qx-jiedao',
  category: 'housing',
  content: NEIGHBOUR_WROTE,
  requestId: `shots-neighbour-${Date.now()}`,
});
/** The submit page with a draft typed that reads like the neighbour's (and the voter's own) opinion. */
async function typeSimilarDraft(page) {
  await page.locator('[data-category="housing"]').click();
  await page
    .getByRole('textbox', { name: '您的意见或建议' })
    .fill('青草巷安置房交付时间一直没公布，周转房里的老人很着急');
  await page.locator('.similar').first().waitFor({ timeout: 15000 });
  await page.locator('.similar-opinions').scrollIntoViewIfNeeded();
}

// 履职: a 执法检查 of the committee with three deputies marked (one 请假, one corrected), and
// demo-deputy's own 走访选民 awaiting demo-staff's confirmation, for the 履职 pages.
const shotDay = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
const inspection = await api('activities', 'demo-admin', {
  action: 'record',
  kind: 'law_enforcement_inspection',
  title: '《道路交通安全法》贯彻实施情况执法检查',
  date: shotDay,
  place: '县交通运输局',
  subject: '县交通运输局、交警大队',
  deputyIds: ['d01', 'd03', 'd04'],
  outcome: '来薰路口、环城西路口早晚高峰拥堵，行人过街信号时间偏短；建议增设左转信号灯，延长行人绿灯。',
});
const mark = (deputyId, attendance, extra = {}) =>
  api('activities', 'demo-admin', {
    action: 'markAttendance',
    activityId: inspection.id,
    deputyId,
    attendance,
    ...extra,
  });
await mark('d01', 'present');
await mark('d04', 'leave', { leaveReason: '参加县人代会专题培训' });
await mark('d03', 'absent');
await mark('d03', 'present', { correctionReason: '签到表漏登，实际到场' });
const visit = await api('activities', 'demo-deputy', {
  action: 'record',
  kind: 'voter_visit',
  title: '走访青草巷周转房住户',
  date: shotDay,
  place: '青草巷周转房小区',
  votersVisited: 12,
  outcome: '住户反映安置房交付时间不明，周转房漏雨，已记录并转街道棚改办。',
});
// What a resident raised on the visit, taken down by 陈建国 for them.
await api('casework', 'demo-deputy', {
  action: 'intake',
  activityId: visit.id,
  category: 'housing',
  content: '青草巷周转房屋顶漏雨，住户已住了三年，希望尽快维修并公布安置房交付时间。',
  requestId: 'shot-visit-1',
});

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const pages = [
  ['stations', '/pages/stations/index', '.station-card', 'demo-voter'],
  ['station', '/pages/station/index?id=qx-jiedao', '.session', 'demo-voter'],
  ['me', '/pages/me/index', '.me__role', 'demo-voter'],
  ['submit', '/pages/submit/index?stationId=qx-jiedao', '.opinion-text', 'demo-voter'],
  ['submit-similar', '/pages/submit/index?stationId=qx-jiedao', '.opinion-text', 'demo-voter', typeSimilarDraft],
  ['mine', '/pages/mine/index', '.opinion-card', 'demo-voter'],
  ['opinion', `/pages/opinion/index?id=${submitted.opinionId}`, '.reply__content', 'demo-voter'],
  ['inbox', '/casework/inbox/index', '.hero__title', 'demo-staff'],
  ['case', `/casework/case/index?id=${submitted.opinionId}`, '.case-text', 'demo-staff'],
  ['dashboard', '/casework/dashboard/index', '.figure-collected', 'demo-admin'],
  ['public-figures', '/pages/public-figures/index', '.public-station', 'demo-voter'],
  ['evaluations', '/pages/evaluations/index', '.round', 'demo-voter'],
  ['evaluation-open', '/pages/evaluation/index?roundId=ev-demo-open', '.deputy-card', 'demo-voter'],
  ['evaluation-closed', '/pages/evaluation/index?roundId=ev-demo-closed', '.result', 'demo-admin'],
  ['evaluation-new', '/casework/evaluation-open/index', '.open-round-button', 'demo-staff'],
  ['messages-voter', '/pages/messages/index', '.message', 'demo-voter'],
  ['messages-deputy', '/pages/messages/index', '.message', 'demo-deputy'],
  ['me-admin', '/pages/me/index', '.me__role', 'demo-admin'],
  ['holidays', '/casework/holidays/index', '.save-holidays', 'demo-admin'],
  ['suggestions', '/casework/suggestions/index', '.suggestion-card', 'demo-deputy'],
  [
    'suggestion-draft',
    `/casework/suggestion-draft/index?opinionId=${submitted.opinionId}`,
    '.draft-save',
    'demo-deputy',
  ],
  ['suggestion', `/casework/suggestion/index?id=${suggestion.id}`, '.suggestion-head', 'demo-admin'],
  ['suggestion-deputy', `/casework/suggestion/index?id=${suggestion.id}`, '.suggestion-head', 'demo-deputy'],
  ['unit-figures', '/casework/unit-figures/index', '.unit-card', 'demo-admin'],
  ['opinion-suggestion', `/pages/opinion/index?id=${submitted.opinionId}`, '.suggestion-summary', 'demo-voter'],
  ['me-deputy', '/pages/me/index', '.deputy-record-entry', 'demo-deputy'],
  ['activities', '/casework/activities/index', '.pending-visits', 'demo-staff'],
  ['activities-deputy', '/casework/activities/index', '.activity-card', 'demo-deputy'],
  ['activity', `/casework/activity/index?id=${inspection.id}`, '.attendee', 'demo-admin'],
  ['activity-visit', `/casework/activity/index?id=${visit.id}`, '.review-confirm', 'demo-staff'],
  ['activity-visit-deputy', `/casework/activity/index?id=${visit.id}`, '.visit-intake', 'demo-deputy'],
  ['intake-visit', `/casework/intake/index?activityId=${visit.id}`, '.intake-visit', 'demo-deputy'],
  ['activity-record', '/casework/activity-record/index', '.record-save', 'demo-admin'],
  ['activity-record-deputy', '/casework/activity-record/index', '.own-visit-kind', 'demo-deputy'],
  ['deputy-record', '/casework/deputy-record/index', '.record-name', 'demo-deputy'],
  ['activity-figures', '/casework/activity-figures/index', '.figure-activities', 'demo-admin'],
  ...(withUnit
    ? [
        ['suggestions-unit', '/casework/suggestions/index', '.suggestion-card', 'demo-unit'],
        ['me-unit', '/pages/me/index', '.unit-name', 'demo-unit'],
      ]
    : []),
];
// ONLY=me-admin,holidays takes just those pages.
const only = process.env.ONLY ? process.env.ONLY.split(',') : null;
try {
  for (const large of [false, true]) {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      geolocation: { latitude: 29.4655, longitude: 121.8601 },
      permissions: ['geolocation'],
    });
    await context.addInitScript((on) => {
      window.localStorage.setItem('lianluo.largeFont', JSON.stringify({ data: on }));
    }, large);
    const page = await context.newPage();
    for (const [name, path, ready, caller, prepare] of pages.filter(([name]) => !only || only.includes(name))) {
      await page.goto(base + '/healthz');
      await page.evaluate(
        (openid) => window.localStorage.setItem('lianluo.devCaller', JSON.stringify({ data: openid })),
        caller,
      );
      await page.goto(base + path);
      await page.waitForSelector(ready, { timeout: 15000 });
      if (prepare) await prepare(page);
      await page.waitForTimeout(300);
      const file = join(out, `${name}${large ? '-large' : ''}.png`);
      await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === '1' });
      console.log(file);
      if (name === 'station') {
        // The lower half of the page: calendar and deputies, scrolled into view.
        const lower = join(out, `station-calendar${large ? '-large' : ''}.png`);
        await page.locator('.calendar').scrollIntoViewIfNeeded();
        await page.screenshot({ path: lower });
        console.log(lower);
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  server?.kill('SIGINT');
}
