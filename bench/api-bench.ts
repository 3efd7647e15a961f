import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeIds } from '../server/adapters/node-ids';
import { INSERT_OPINION, opinionRow } from '../server/adapters/sqlite/sqlite-opinion-store';
import { createSqliteStore } from '../server/adapters/sqlite/sqlite-store';
import { DEMO_STATIONS } from '../server/local/demo-street';
import { LOCAL_FUNCTIONS } from '../server/local/functions';
import { createLocalServer } from '../server/local/http-server';
import { seedDemoData } from '../server/local/seed';
import { localAdapters, setRuntime, systemClock } from '../server/runtime/runtime';
import { benchOpinion } from './support/bench-opinions';
import { formatCloudbaseCost, measureCloudbaseCost } from './cloudbase-cost';
import { formatLighthouse, lighthouseUnavailable, runLighthouse, type LighthouseRow } from './lighthouse';

// `npm run bench`: latency of the main actions on the local SQLite store filled with
// BENCH_OPINIONS opinions (default 100,000; generated through the store, not over HTTP), each
// beside a bare Node http server measured in the same run; Lighthouse on two pages of the H5
// build served by that server; weapp package sizes beside a bare one-page Taro app built with
// the same config; CloudBase reads and writes per action, counted on an in-memory stand-in of
// its database (cloudbase-cost.ts). Prints tables and writes bench-report.json. Figures only —
// nothing here passes or fails.

const OPINIONS = Number(process.env.BENCH_OPINIONS ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 400);
const VOTERS = 5_000;
const CLOUDBASE_OPINIONS = Number(process.env.BENCH_CLOUDBASE_OPINIONS ?? 3_000);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function latency(send: (i: number) => Promise<void>, samples = SAMPLES) {
  for (let i = 0; i < 20; i += 1) await send(-1 - i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const start = process.hrtime.bigint();
    await send(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

async function throughput(send: (i: number) => Promise<void>, total: number, concurrency: number) {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await send(next++);
    }),
  );
  return total / (Number(process.hrtime.bigint() - start) / 1e9);
}

function fill(store: ReturnType<typeof createSqliteStore>, now: number) {
  const insert = store.db.prepare(INSERT_OPINION);
  const many = store.db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) insert.run(opinionRow(benchOpinion(i, OPINIONS, now, VOTERS)));
  });
  for (let from = 0; from < OPINIONS; from += 10_000) many(from, Math.min(OPINIONS, from + 10_000));
}

const dirSize = (dir: string): number =>
  readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name);
    return sum + (statSync(path).isDirectory() ? dirSize(path) : statSync(path).size);
  }, 0);
const kb = (bytes: number) => +(bytes / 1024).toFixed(1);

function weappSizes() {
  const root = 'dist/weapp';
  if (!existsSync(root)) return null;
  const total = dirSize(root);
  const casework = existsSync(join(root, 'casework')) ? dirSize(join(root, 'casework')) : 0;
  return { mainKB: kb(total - casework), caseworkKB: kb(casework) };
}

/** Build what is missing: `npm run <script>` with extra environment. */
function build(script: string, env: Record<string, string> = {}) {
  console.log(`building ${script} ${Object.values(env).join(' ')}…`);
  const result = spawnSync('npm', ['run', script], { stdio: 'ignore', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`npm run ${script} failed`);
}

/** A bare one-page Taro React app (bench/bare-taro) built with the project's config, into its own folder. */
function bareTaroSize() {
  const out = 'dist/bare-taro-weapp';
  if (!existsSync(join(out, 'app.json'))) {
    build('build:weapp', { TARO_SOURCE_ROOT: 'bench/bare-taro', TARO_OUTPUT_ROOT: out });
  }
  return { totalKB: kb(dirSize(out)) };
}

/**
 * Lighthouse on two pages of the H5 build served by the local server; without a browser (or
 * when it fails) a one-line reason instead, so that every other figure is still reported.
 */
async function lighthouseFigures(): Promise<
  { rows: LighthouseRow[]; skipped?: undefined } | { rows?: undefined; skipped: string }
> {
  const unavailable = lighthouseUnavailable();
  if (unavailable) return { skipped: unavailable };
  try {
    if (!existsSync('dist/h5/index.html')) build('build:h5');
    const site = await listen(createLocalServer({ functions: LOCAL_FUNCTIONS, staticDir: 'dist/h5' }));
    return {
      rows: await runLighthouse(site, [
        { page: '联络站', path: '/pages/stations/index' },
        { page: '提意见', path: '/pages/submit/index' },
      ]),
    };
  } catch (error) {
    return { skipped: (error as Error).message.split('\n')[0] ?? 'failed' };
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'lianluo-bench-'));
  const store = createSqliteStore(join(dir, 'bench.sqlite'));
  await seedDemoData(store, systemClock);
  const fillStart = Date.now();
  fill(store, Date.now());
  const fillSeconds = (Date.now() - fillStart) / 1000;
  setRuntime({
    store,
    clock: systemClock,
    config: { adminOpenids: ['demo-admin'], dailySubmitLimit: 1_000_000, subscribeTemplates: {} },
    ids: nodeIds,
    ...localAdapters(dir, () => undefined),
  });

  const api = await listen(createLocalServer({ functions: LOCAL_FUNCTIONS }));
  const hello = await listen(createServer((_req, res) => res.end('{"ok":true}')));

  const post = (fn: string, body: unknown, openid?: string) => async () => {
    const res = await fetch(`${api}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { ok: boolean; error?: { message: string } };
    if (!json.ok) throw new Error(`${fn}: ${json.error?.message}`);
  };
  const submitBody = (i: number) => ({
    action: 'submit',
    stationId: DEMO_STATIONS[Math.abs(i) % DEMO_STATIONS.length]!.id,
    category: 'transport',
    content: '来薰路与文昌路口早晚高峰拥堵，建议优化信号灯配时。',
    requestId: `bench-submit-${process.pid}-${i}-${Math.random().toString(36).slice(2)}`,
  });

  const baseline = await latency(async () => {
    await (await fetch(hello, { method: 'POST', body: '{}' })).text();
  });
  const rows: Array<{ action: string; p50: number; p95: number; p99: number }> = [];
  const measure = async (action: string, send: (i: number) => Promise<void>) => {
    rows.push({ action, ...(await latency(send)) });
  };
  await measure('stations.list', () => post('stations', { action: 'list' })());
  await measure('opinions.submit (routing)', (i) =>
    post('opinions', submitBody(i), `bench-voter-${Math.abs(i) % VOTERS}`)(),
  );
  await measure('opinions.mine', (i) => post('opinions', { action: 'mine' }, `bench-voter-${Math.abs(i) % VOTERS}`)());
  await measure('casework.inbox (deputy)', () => post('casework', { action: 'inbox', filter: 'all' }, 'demo-deputy')());
  const year = { from: '2026-01-01', to: '2026-12-31' };
  await measure('reports.stats (a year, street)', () => post('reports', { action: 'stats', ...year }, 'demo-admin')());
  await measure('reports.stats (a year, by station)', () =>
    post('reports', { action: 'stats', ...year, groupBy: 'station' }, 'demo-admin')(),
  );
  await measure('reports.stats (a year, by month)', () =>
    post('reports', { action: 'stats', ...year, groupBy: 'month' }, 'demo-admin')(),
  );
  await measure('casework.inbox (staff, overdue)', () =>
    post('casework', { action: 'inbox', filter: 'overdue' }, 'demo-staff')(),
  );
  const lighthouse = await lighthouseFigures();
  const submitsPerSecond = await throughput(
    (i) => post('opinions', submitBody(100_000 + i), `bench-voter-${i % VOTERS}`)(),
    2_000,
    20,
  );
  const helloPerSecond = await throughput(
    async () => {
      await (await fetch(hello, { method: 'POST', body: '{}' })).text();
    },
    2_000,
    20,
  );

  const f = (n: number) => n.toFixed(2).padStart(8);
  console.log(
    `\n本地 API 基准：SQLite，${OPINIONS.toLocaleString()} 条意见（生成耗时 ${fillSeconds.toFixed(1)} s），每项 ${SAMPLES} 次，串行`,
  );
  console.log(
    `${'action'.padEnd(34)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'p99 ms'.padStart(8)}  ×hello p50`,
  );
  console.log(`${'bare node http (hello)'.padEnd(34)}${f(baseline.p50)}${f(baseline.p95)}${f(baseline.p99)}`);
  for (const r of rows) {
    console.log(
      `${r.action.padEnd(34)}${f(r.p50)}${f(r.p95)}${f(r.p99)}  ${(r.p50 / baseline.p50).toFixed(1).padStart(6)}`,
    );
  }
  console.log(
    `\nconcurrent submits (20 in flight): ${submitsPerSecond.toFixed(0)}/s; bare hello: ${helloPerSecond.toFixed(0)}/s (ratio ${(submitsPerSecond / helloPerSecond).toFixed(2)})`,
  );
  console.log(lighthouse.rows ? formatLighthouse(lighthouse.rows) : `\nLighthouse skipped: ${lighthouse.skipped}`);
  const sizes = weappSizes();
  const bare = bareTaroSize();
  console.log('\nweapp build (same Taro config; limit 2048 KB for the main package and for each subpackage)');
  if (sizes) {
    console.log(`  ours: main package ${sizes.mainKB} KB, casework subpackage ${sizes.caseworkKB} KB`);
  } else {
    console.log('  ours: dist/weapp missing (npm run build:weapp)');
  }
  console.log(`  bare one-page Taro React app: ${bare.totalKB} KB`);

  const cloudbase = await measureCloudbaseCost(CLOUDBASE_OPINIONS);
  console.log(formatCloudbaseCost(cloudbase));

  writeFileSync(
    'bench-report.json',
    JSON.stringify(
      {
        opinions: OPINIONS,
        samples: SAMPLES,
        fillSeconds,
        baseline,
        rows,
        submitsPerSecond,
        helloPerSecond,
        weapp: sizes,
        bareTaroWeapp: bare,
        lighthouse: lighthouse.rows ?? { skipped: lighthouse.skipped },
        cloudbase,
      },
      null,
      2,
    ),
  );
  console.log('wrote bench-report.json');
  process.exit(0);
}

void main();
