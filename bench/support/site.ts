import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CALLERS } from '../../server/local/demo-street';
import { shanghaiDate } from '../../src/domain/dates';
import { startServerProcess } from '../../tests/browser/server-process';
import { build } from './build';

/**
 * The built local server (what `npm start` runs: the lived-in demo street, the scheduler's
 * timers, the H5 build at /) as a child process on a free port, on a data folder in the run's
 * scratch folder — seeded by the first browser section, reused by the next. Builds the server
 * and the H5 app first if they are missing.
 */
export async function startSite(workDir: string, log: (line: string) => void) {
  if (!existsSync('dist/server/main.js')) build('build:server', log);
  if (!existsSync('dist/h5/index.html')) build('build:h5', log);
  const dataDir = join(workDir, 'site');
  if (!existsSync(dataDir)) log('starting the local server on a new data folder (it seeds the lived-in demo street)…');
  return startServerProcess(dataDir);
}

/** One function call to the site as `openid`; its data. */
async function call<T>(url: string, fn: string, body: object, openid: string): Promise<T> {
  const res = await fetch(`${url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { ok: boolean; data?: T; error?: { message: string } };
  if (!json.ok) throw new Error(`${fn}.${(body as { action?: string }).action}: ${json.error?.message}`);
  return json.data as T;
}

/** demo-voter's own opinion, submitted now when the lived-in street gave them none. */
async function submitAsVoter(url: string): Promise<string> {
  const submitted = await call<{ opinionId: string }>(
    url,
    'opinions',
    {
      action: 'submit',
      stationId: 'qx-jiedao',
      category: 'transport',
      content: '来薰路与文昌路口早晚高峰拥堵，建议优化信号灯配时。',
      requestId: `bench-dom-${Date.now()}`,
    },
    DEMO_CALLERS.voter,
  );
  return submitted.opinionId;
}

const first = async (page: Promise<{ items: Array<{ id: string }> }>) => (await page).items[0]?.id;

/**
 * The ids of the seeded records the pages that take one are opened with: the demo stations and
 * 评议 rounds are fixed (server/local/demo-street.ts, seed.ts); the opinions, 建议 and activities
 * the lived-in street generated are looked up as the caller who would open them (demo-voter, who
 * has none there, submits one).
 */
export async function seededIds(url: string) {
  const year = shanghaiDate(Date.now()).slice(0, 4);
  return {
    station: 'qx-jiedao',
    round: 'ev-demo-open',
    voterOpinion:
      (await first(call(url, 'opinions', { action: 'mine' }, DEMO_CALLERS.voter))) ?? (await submitAsVoter(url)),
    deputyCase: await first(call(url, 'casework', { action: 'inbox', filter: 'all' }, DEMO_CALLERS.deputy)),
    suggestion: await first(call(url, 'suggestions', { action: 'list', state: 'all' }, DEMO_CALLERS.deputy)),
    activity: await first(
      call(url, 'activities', { action: 'list', from: `${year}-01-01`, to: `${year}-12-31` }, DEMO_CALLERS.deputy),
    ),
  };
}

export type SeededIds = Awaited<ReturnType<typeof seededIds>>;
