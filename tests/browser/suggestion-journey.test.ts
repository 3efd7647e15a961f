import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { seedDemoData } from '../../server/local/seed';
import { actAs as switchCaller } from './as-caller';
import { launchChromium, PHONE } from './chromium';
import { startServerProcess } from './server-process';

// Issue #12's acceptance, as a new user would try it on `npm start`: two of demo-deputy's opinions
// become a 建议 with a co-signing deputy; demo-admin 交办 it to 县交通运输局; demo-unit answers B;
// demo-deputy answers 不满意; the unit answers again; the voter of a source opinion reads the answer.

jest.setTimeout(120000);

let server: Awaited<ReturnType<typeof startServerProcess>>;
let browser: Browser;
let page: Page;
let cosignerContext: BrowserContext;

const COSIGNER = 'test-cosigner';
const UNIT = { id: 'unit-transport', name: '县交通运输局' };

interface Envelope {
  ok: boolean;
  data: Record<string, unknown>;
  error?: { code: string; message: string };
}

const api = async (fn: string, openid: string, body: Record<string, unknown>): Promise<Envelope> => {
  const res = await fetch(`${server.url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Envelope;
};
const data = async (fn: string, openid: string, body: Record<string, unknown>) => {
  const answer = await api(fn, openid, body);
  if (!answer.ok) throw new Error(`${fn}.${String(body.action)}: ${answer.error?.message}`);
  return answer.data;
};

/**
 * The demo street and nothing else, so that demo-deputy's inbox holds only this journey's opinions.
 * 县交通运输局 is in the demo street's unit register; a register seeded without it gets it here.
 */
async function streetOnly() {
  const dir = mkdtempSync(join(tmpdir(), 'lianluo-suggestion-'));
  const store = createSqliteStore(join(dir, 'lianluo.sqlite'));
  await seedDemoData(store, { now: () => Date.now() });
  if (!(await store.getHandlingUnit(UNIT.id))) {
    await store.putHandlingUnit(
      { ...UNIT, active: true, sortOrder: 1 },
      { at: Date.now(), actor: 'system', action: 'seed.unit', targetType: 'unit', targetId: UNIT.id },
    );
  }
  await store.close();
  return dir;
}

/** An account through the committee's invite and its redemption, unless the caller already has that role. */
async function invited(openid: string, role: 'deputy' | 'unit', invites: Array<Record<string, unknown>>) {
  if ((await data('account', openid, { action: 'me' })).role === role) return;
  for (const invite of invites) {
    const issued = await api('casework', 'demo-admin', { action: 'issueInvite', role, ...invite });
    if (!issued.ok) continue; // a deputy already linked to an account: try the next
    await data('account', openid, { action: 'redeemInvite', code: issued.data.code });
    return;
  }
  throw new Error(`no invite could be issued for ${openid}`);
}

/** An opinion of `voter` routed to 陈建国 (demo-deputy), whom staff name if the routing rule chose another. */
async function opinionForDemoDeputy(voter: string, content: string): Promise<string> {
  const submitted = await data('opinions', voter, {
    action: 'submit',
    stationId: 'qx-jiedao',
    category: 'transport',
    content,
    requestId: `suggestion-${voter}-0000`,
  });
  const opinionId = String(submitted.opinionId);
  if (submitted.assignedDeputyId !== 'd01') {
    await data('casework', 'demo-staff', { action: 'assign', opinionId, deputyId: 'd01' });
  }
  return opinionId;
}

const opinions: string[] = [];

beforeAll(async () => {
  server = await startServerProcess(await streetOnly());
  browser = await launchChromium();
  page = await (await browser.newContext(PHONE)).newPage();
  opinions.push(
    await opinionForDemoDeputy(
      'demo-voter',
      '来薰路与中山路口没有左转信号灯，早晚高峰车辆抢行，接送孩子的老人过马路很危险。',
    ),
    await opinionForDemoDeputy(
      'voter-suggestion-2',
      '来薰路口红绿灯时间太短，老年人走到一半就变灯了，希望延长行人绿灯时间。',
    ),
  );
  // The co-signer is a deputy of another station with an account of their own; in the browser their
  // requests carry their OPENID as the local server's X-Dev-Openid, as the demo switcher's do.
  await invited(COSIGNER, 'deputy', [
    { deputyId: 'd04' },
    { deputyId: 'd05' },
    { deputyId: 'd06' },
    { deputyId: 'd07' },
  ]);
  await invited('demo-unit', 'unit', [{ unitId: UNIT.id }]);
  cosignerContext = await browser.newContext(PHONE);
  await cosignerContext.route('**/api/**', (route) =>
    route.continue({ headers: { ...route.request().headers(), 'x-dev-openid': COSIGNER } }),
  );
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const actAs = (openid: string, role: string) => switchCaller(page, server.url, openid, role);
const status = () => page.locator('.suggestion-head .chip').first();

describe('代表建议 from two opinions to the unit’s second answer, and what the voter sees', () => {
  let suggestionUrl = '';
  let cosignerName = '';

  test('demo-deputy drafts a 建议 from two of their opinions with a co-signing deputy', async () => {
    await actAs('demo-deputy', 'deputy');
    await page.locator('.suggestions-entry').click();
    await page.locator('.draft-entry').click();
    await page.waitForURL(/casework\/suggestion-draft/);
    for (const id of opinions) await page.locator(`.source-option[data-opinion-id="${id}"]`).click();
    await page.locator('input.draft-title').fill('关于来薰路口增设左转信号灯、延长行人绿灯的建议');
    await page.locator('[data-category="transport"]').click();
    await page
      .locator('.draft-reason textarea')
      .fill('来薰路与中山路口没有左转信号灯，行人绿灯时间短，早晚高峰老人和接送孩子的家长过马路很危险。');
    await page
      .locator('.draft-content textarea')
      .fill('建议县交通运输局会同交警大队在来薰路口增设左转信号灯，并将行人绿灯延长到30秒以上。');
    // Our co-signer is whichever deputy the invite above linked: pick them by id.
    const me = await data('account', COSIGNER, { action: 'me' });
    const cosignerId = String((me.deputy as { id: string }).id);
    await page.locator(`.cosigner-option[data-deputy-id="${cosignerId}"]`).click();
    cosignerName = String((me.deputy as { name: string }).name);
    await page.locator('.draft-save').click();
    await page.waitForURL(/casework\/suggestion\/index\?id=/);
    suggestionUrl = page.url();
    await expect(status().textContent()).resolves.toBe('草稿');
    await page.locator(`[data-cosigner] .chip`, { hasText: '待确认' }).waitFor();
    // Not yet: the co-signer has to confirm first.
    expect(await page.locator('.action-submit').count()).toBe(0);
  });

  test('the co-signing deputy finds it in their box marked 待您确认, and confirms', async () => {
    const cosignerPage = await cosignerContext.newPage();
    await cosignerPage.goto(`${server.url}/casework/suggestions/index`);
    await cosignerPage.locator('.suggestion-card .chip', { hasText: '待您确认' }).click();
    await cosignerPage.locator('.action-cosign').click();
    await cosignerPage.locator('[data-cosigner] .chip', { hasText: '已确认' }).waitFor();
    await cosignerPage.close();
  });

  test('demo-deputy submits it to the committee', async () => {
    await page.goto(suggestionUrl);
    await page.locator('.action-submit').click();
    await page.locator('.taro-model__confirm').click();
    await page.locator('.suggestion-head .chip', { hasText: '已提交' }).waitFor();
    await expect(page.locator('.suggestion-signers').textContent()).resolves.toContain(cosignerName);
  });

  test('the voter’s opinion already says 已形成代表建议', async () => {
    await actAs('demo-voter', 'voter');
    await page.goto(`${server.url}/pages/opinion/index?id=${opinions[0]}`);
    await page.locator('.suggestion-formed').waitFor();
  });

  test('demo-admin sees it 待立案 and hands it to 县交通运输局', async () => {
    await actAs('demo-admin', 'admin');
    await page.goto(`${server.url}/casework/suggestions/index`);
    await page.locator('.suggestion-card .chip', { hasText: '待立案' }).first().waitFor();
    await page.goto(suggestionUrl);
    await page.locator('.action-assign').click();
    await page.locator(`[data-lead-unit="${UNIT.id}"]`).click();
    await page.locator('.send-assign').click();
    await page.locator('.suggestion-head .chip', { hasText: '已交办' }).waitFor();
    await expect(page.locator('.suggestion-assignment').textContent()).resolves.toContain('主办单位：县交通运输局');
  });

  test('demo-unit finds it in 待办建议 on 我的 and answers with class B and a planned date', async () => {
    await actAs('demo-unit', 'unit');
    await expect(page.locator('.unit-name').textContent()).resolves.toContain('县交通运输局');
    await page.locator('.suggestions-entry').click();
    await page.locator('.suggestion-card', { hasText: '来薰路口' }).click();
    await page.locator('.action-answer').click();
    await page.locator('[data-answer-class="B"]').click();
    await page.locator('.form-answer [data-field="planned"]').waitFor();
    await page
      .locator('.form-answer .form-text textarea')
      .fill('来薰路口左转信号灯已列入今年道路交通设施改造计划，预计下半年施工，行人绿灯时间将同步调整。');
    await page.locator('.send-answer').click();
    await page.locator('.suggestion-head .chip', { hasText: '已答复' }).waitFor();
    await expect(page.locator('.suggestion-answers').textContent()).resolves.toContain('B 列入计划逐步解决');
  });

  test('demo-deputy answers 不满意 with what was wrong, and it goes back for 再办', async () => {
    await actAs('demo-deputy', 'deputy');
    await page.goto(suggestionUrl);
    await page.locator('.action-feedback').click();
    await page.locator('.form-feedback [data-satisfaction="dissatisfied"]').click();
    // 不满意 needs a word on what was wrong before it can be sent.
    // (H5 writes disabled="false" on an enabled button: the attribute's value is what counts.)
    const disabled = await page.locator('.send-feedback').getAttribute('disabled');
    expect(disabled !== null && disabled !== 'false').toBe(true);
    await page.locator('.form-feedback .form-text textarea').fill('行人绿灯时间可以马上调整，不必等到下半年施工');
    await page.locator('.send-feedback').click();
    await page.locator('.suggestion-head .chip', { hasText: '再办中' }).waitFor();
  });

  test('demo-unit answers again', async () => {
    await actAs('demo-unit', 'unit');
    await page.goto(suggestionUrl);
    await page.locator('.action-answer').click();
    await page.locator('[data-answer-class="A"]').click();
    await page
      .locator('.form-answer .form-text textarea')
      .fill('已会同交警大队将来薰路口行人绿灯由18秒延长到32秒，左转信号灯按计划下半年安装。');
    await page.locator('.send-answer').click();
    await page.locator('.suggestion-head .chip', { hasText: '已答复' }).waitFor();
    await expect(page.locator('.suggestion-answer').count()).resolves.toBe(2);
  });

  test('the voter of a source opinion sees the unit’s latest answer on the opinion page', async () => {
    await actAs('demo-voter', 'voter');
    await page.goto(`${server.url}/pages/opinion/index?id=${opinions[0]}`);
    await page.locator('.suggestion-formed').waitFor();
    const answer = page.locator('.suggestion-summary');
    await expect(answer.locator('.card__label').textContent()).resolves.toBe('承办单位答复');
    await expect(answer.textContent()).resolves.toContain('行人绿灯由18秒延长到32秒');
    // Never the 建议's deputies' words or the other voter's opinion: only the summary line.
    await expect(page.locator('.page').textContent()).resolves.not.toContain('延长行人绿灯时间');
  });
});
