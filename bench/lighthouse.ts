import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_CALLERS } from '../server/local/demo-street';
import { actAs } from '../tests/browser/as-caller';
import { atLeast, mark, type GoalCheck } from './support/goals';
import { padColumns, SectionSkipped, type Section, type SectionContext } from './support/section';
import { startSite } from './support/site';

// Lighthouse (its Node API, default mobile emulation) on four pages of the H5 build served by the
// local server, in Debian's chromium with the flags the browser tests use; three runs a page,
// the median printed with its spread; goal: performance ≥ 90. The deputy's inbox and the
// dashboard are opened by their callers, chosen on the 我的 page as a tester would
// (tests/browser/as-caller.ts); Lighthouse keeps that choice (it clears caches, not localStorage).

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const GOAL = 90;

const PAGES = [
  { page: '联络站', path: '/pages/stations/index', caller: DEMO_CALLERS.voter, role: 'voter' },
  { page: '提意见', path: '/pages/submit/index', caller: DEMO_CALLERS.voter, role: 'voter' },
  { page: '代表待办', path: '/casework/inbox/index', caller: DEMO_CALLERS.deputy, role: 'deputy' },
  { page: '办理统计', path: '/casework/dashboard/index', caller: DEMO_CALLERS.admin, role: 'admin' },
];

export interface LighthouseRow {
  page: string;
  path: string;
  caller: string;
  /** Performance score of each run, in run order. */
  runs: number[];
  median: number;
  min: number;
  max: number;
  accessibility: number | null;
  /** The accessibility audits that count towards the score and did not pass (last run). */
  failingAccessibility: Array<{ id: string; title: string; items: number }>;
}

interface Audit {
  id: string;
  title: string;
  score: number | null;
  details?: { items?: unknown[] };
}
interface Result {
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> } | undefined>;
  audits: Record<string, Audit | undefined>;
}

const CHROME = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium with a DevTools port and a profile of its own. `stop` ends it and waits until it has
 * exited (SIGKILL if it has not within 10 s), then removes the profile — retrying while the
 * browser's last helpers still let go of it — so that nothing is left writing there.
 */
async function launchChromium() {
  const profile = mkdtempSync(join(process.env.BENCH_WORK_DIR ?? '/tmp', 'lighthouse-profile-'));
  const flags = JSON.parse(readFileSync('scripts/chromium-flags.json', 'utf8')) as string[];
  const chrome = spawn(CHROME, [...flags, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => {
    chrome.once('exit', () => resolve());
    chrome.once('error', () => resolve());
  });
  const stop = async () => {
    if (chrome.exitCode === null && chrome.signalCode === null) {
      chrome.kill('SIGTERM');
      const killer = setTimeout(() => chrome.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`chromium did not start: ${seen.slice(-400)}`)), 30_000);
      chrome.stderr.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      chrome.once('error', (error) => reject(new Error(`chromium did not start: ${error.message}`)));
      chrome.once('exit', (code) => reject(new Error(`chromium exited (${code}): ${seen.slice(-400)}`)));
    });
    return { port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The 我的 page's caller switch, in the browser Lighthouse drives, over its DevTools port. */
async function chooseCaller(port: number, baseUrl: string, caller: string, role: string) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = await context.newPage();
    await actAs(page, baseUrl, caller, role);
    await page.close();
  } finally {
    // Only the connection: the browser stays for Lighthouse.
    await browser.close();
  }
}

async function lighthouseRun(url: string, port: number, categories: string[]): Promise<Result> {
  const { default: lighthouse } = await import('lighthouse');
  // A cold first load can end in a runtime error (no first paint in time): run it once more.
  for (let attempt = 0; ; attempt += 1) {
    const run = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: categories,
    });
    const lhr = run?.lhr as unknown as Result | undefined;
    if (lhr && !lhr.runtimeError) return lhr;
    if (attempt === 1)
      throw new Error(
        `lighthouse on ${url}: ${lhr?.runtimeError?.code ?? 'no result'} ${lhr?.runtimeError?.message ?? ''}`,
      );
  }
}

const score = (lhr: Result, name: string) => {
  const s = lhr.categories[name]?.score;
  return s === null || s === undefined ? null : Math.round(s * 100);
};
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function measure(ctx: SectionContext) {
  if (!existsSync(CHROME)) {
    throw new SectionSkipped(`no Chromium at ${CHROME} (apt-get install chromium fonts-noto-cjk, or set CHROME_PATH)`);
  }
  const site = await startSite(ctx.workDir, ctx.log);
  const rows: LighthouseRow[] = [];
  try {
    const chrome = await launchChromium();
    try {
      for (const p of PAGES) {
        await chooseCaller(chrome.port, site.url, p.caller, p.role);
        const runs: number[] = [];
        let last: Result | undefined;
        for (let i = 0; i < RUNS; i += 1) {
          // Accessibility (which takes as long again) on the last run only: it does not change between runs.
          const categories = i === RUNS - 1 ? ['performance', 'accessibility'] : ['performance'];
          last = await lighthouseRun(`${site.url}${p.path}`, chrome.port, categories);
          runs.push(score(last, 'performance') ?? 0);
        }
        const row: LighthouseRow = {
          page: p.page,
          path: p.path,
          caller: p.caller,
          runs,
          median: median(runs),
          min: Math.min(...runs),
          max: Math.max(...runs),
          accessibility: last ? score(last, 'accessibility') : null,
          failingAccessibility: last ? failingAccessibility(last) : [],
        };
        rows.push(row);
        ctx.log(`${p.page} ${p.path}: ${runs.join(', ')}`);
      }
    } finally {
      await chrome.stop();
    }
  } finally {
    await site.stop();
  }
  const goals = rows.map((r) => atLeast(`Lighthouse performance, ${r.page} (median of ${RUNS})`, r.median, GOAL));
  return { figures: { runs: RUNS, rows }, goals, lines: formatLighthouse(rows, goals) };
}

function failingAccessibility(lhr: Result) {
  return (lhr.categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((a): a is Audit => Boolean(a && a.score !== null && a.score < 1))
    .map((a) => ({ id: a.id, title: a.title, items: a.details?.items?.length ?? 0 }));
}

function formatLighthouse(rows: LighthouseRow[], goals: GoalCheck[]): string[] {
  const lines = [
    `Lighthouse (mobile emulation, chromium), the H5 build served by the local server; ${RUNS} runs a page`,
    `${'page'.padEnd(40)}${'caller'.padEnd(13)}${'performance median (min–max)'.padStart(30)}${'a11y'.padStart(6)}  goal`,
  ];
  rows.forEach((r, i) => {
    const g = goals[i]!;
    lines.push(
      `${padColumns(`${r.page} ${r.path}`, 40)}${r.caller.padEnd(13)}${`${r.median} (${r.min}–${r.max})`.padStart(30)}${String(r.accessibility).padStart(6)}  ${g.goal} ${mark(g.met)}`,
    );
    for (const a of r.failingAccessibility) lines.push(`    accessibility failing: ${a.id} — ${a.title} (${a.items})`);
  });
  return lines;
}

export const lighthouseSection: Section = {
  name: 'lighthouse',
  title: 'Lighthouse on four pages of the H5 app',
  timeoutMinutes: 25,
  run: measure,
};
