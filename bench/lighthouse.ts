import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Lighthouse (its Node API, default mobile emulation) on pages of the H5 build served by the
// local server, in Debian's chromium with the flags the browser tests use.

export interface LighthouseRow {
  page: string;
  path: string;
  performance: number | null;
  accessibility: number | null;
  /** The accessibility audits that count towards the score and did not pass. */
  failingAccessibility: Array<{ id: string; title: string; items: number; selectors: string[] }>;
}

interface Audit {
  id: string;
  title: string;
  score: number | null;
  details?: { items?: Array<{ node?: { selector?: string } }> };
}
interface Category {
  score: number | null;
  auditRefs: Array<{ id: string; weight: number }>;
}
interface Result {
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
  categories: Record<string, Category | undefined>;
  audits: Record<string, Audit | undefined>;
}

const CHROME = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why Lighthouse cannot run here, or null when its browser is installed. */
export function lighthouseUnavailable(): string | null {
  return existsSync(CHROME)
    ? null
    : `no Chromium at ${CHROME} (install it: apt-get install chromium fonts-noto-cjk, or set CHROME_PATH)`;
}

/** Start chromium with a DevTools port and give the port once it listens. */
async function launch(profile: string) {
  const flags = JSON.parse(readFileSync('scripts/chromium-flags.json', 'utf8')) as string[];
  const chrome = spawn(CHROME, [...flags, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
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
    chrome.on('error', (error) => reject(new Error(`chromium did not start: ${error.message}`)));
    chrome.on('exit', (code) => reject(new Error(`chromium exited (${code}): ${seen.slice(-400)}`)));
  });
  const exited = new Promise<void>((resolve) => chrome.once('exit', () => resolve()));
  return {
    port,
    stop: async () => {
      chrome.kill('SIGTERM');
      await exited;
    },
  };
}

export async function runLighthouse(baseUrl: string, pages: Array<{ page: string; path: string }>) {
  const { default: lighthouse } = await import('lighthouse');
  const profile = mkdtempSync(join(tmpdir(), 'lianluo-lighthouse-'));
  const chrome = await launch(profile);
  const rows: LighthouseRow[] = [];
  try {
    for (const { page, path } of pages) {
      // A cold first load can end in a runtime error (no first paint in time): run it once more.
      let lhr: Result | undefined;
      for (let attempt = 0; attempt < 2 && !lhr?.categories.accessibility; attempt += 1) {
        const run = await lighthouse(`${baseUrl}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
        });
        lhr = run?.lhr as unknown as Result | undefined;
        if (lhr?.runtimeError) {
          if (attempt === 1)
            throw new Error(`lighthouse on ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
          lhr = undefined;
        }
      }
      if (!lhr) throw new Error(`lighthouse gave no result for ${path}`);
      const score = (name: string) => {
        const s = lhr.categories[name]?.score;
        return s === null || s === undefined ? null : Math.round(s * 100);
      };
      const failingAccessibility = (lhr.categories.accessibility?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter((a): a is Audit => Boolean(a && a.score !== null && a.score < 1))
        .map((a) => ({
          id: a.id,
          title: a.title,
          items: a.details?.items?.length ?? 0,
          selectors: (a.details?.items ?? []).flatMap((i) => (i.node?.selector ? [i.node.selector] : [])).slice(0, 5),
        }));
      rows.push({
        page,
        path,
        performance: score('performance'),
        accessibility: score('accessibility'),
        failingAccessibility,
      });
    }
  } finally {
    await chrome.stop();
    rmSync(profile, { recursive: true, force: true });
  }
  return rows;
}

export function formatLighthouse(rows: LighthouseRow[]): string {
  const lines = [
    `\nLighthouse 12 (mobile emulation, chromium), H5 build served by the local server`,
    `${'page'.padEnd(30)}${'performance'.padStart(12)}${'accessibility'.padStart(15)}`,
  ];
  for (const r of rows) {
    lines.push(
      `${`${r.page} ${r.path}`.padEnd(30)}${String(r.performance).padStart(12)}${String(r.accessibility).padStart(15)}`,
    );
    for (const a of r.failingAccessibility) {
      lines.push(`    failing: ${a.id} — ${a.title} (${a.items})`);
      for (const selector of a.selectors) lines.push(`      ${selector}`);
    }
  }
  return lines.join('\n');
}
