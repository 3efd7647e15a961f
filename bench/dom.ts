import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { actAs } from '../tests/browser/as-caller';
import { launchChromium, PHONE } from '../tests/browser/chromium';
import { atMost, mark, type GoalCheck } from './support/goals';
import { h5Pages, pageUrl, type H5Page } from './support/h5-pages';
import { SectionSkipped, type Section, type SectionContext } from './support/section';
import { seededIds, startSite } from './support/site';

// DOM size of every page of the H5 app (src/app.config.ts: pages and subpackages) at 375×812,
// after it has loaded its data: the elements (querySelectorAll('*')) and the deepest nesting,
// beside WeChat's guidance for WXML (≤ 1,000 nodes, depth ≤ 30). The H5 build stands in for
// the mini program (Taro renders the same components); its shell (tab bar, router) is counted too.

const NODES_GOAL = 1_000;
const DEPTH_GOAL = 30;
const CHROME = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface DomRow {
  path: string;
  caller: string;
  nodes: number | null;
  depth: number | null;
  /** The page's error message when it showed one, or why it was not opened. */
  problem?: string;
}

/** Elements and deepest nesting (html = 1) once the count has stopped changing for a second. */
async function domSize(page: Page): Promise<{ nodes: number; depth: number }> {
  const sample = () =>
    page.evaluate(() => {
      const all = document.querySelectorAll('*');
      let depth = 0;
      for (const el of Array.from(all)) {
        let d = 0;
        for (let e: Element | null = el; e; e = e.parentElement) d += 1;
        if (d > depth) depth = d;
      }
      return { nodes: all.length, depth };
    });
  let last = await sample();
  for (let stable = 0, tries = 0; stable < 4 && tries < 40; tries += 1) {
    await page.waitForTimeout(250);
    const next = await sample();
    stable = next.nodes === last.nodes ? stable + 1 : 0;
    last = next;
  }
  return last;
}

async function measure(ctx: SectionContext) {
  if (!existsSync(CHROME)) {
    throw new SectionSkipped(
      `no Chromium at ${CHROME} (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH)`,
    );
  }
  const site = await startSite(ctx.workDir, ctx.log);
  const rows: DomRow[] = [];
  try {
    const pages = await h5Pages(await seededIds(site.url));
    const browser = await launchChromium();
    try {
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      // One switch of caller per caller: their pages in a row.
      const byCaller = new Map<string, H5Page[]>();
      for (const p of pages) byCaller.set(p.caller, [...(byCaller.get(p.caller) ?? []), p]);
      for (const [caller, list] of byCaller) {
        await actAs(page, site.url, caller, list[0]!.role);
        for (const p of list) {
          if (p.missing) {
            rows.push({ path: p.path, caller, nodes: null, depth: null, problem: p.missing });
            continue;
          }
          try {
            await page.goto(pageUrl(site.url, p), { waitUntil: 'networkidle' });
            const size = await domSize(page);
            const error = await page
              .locator('.status--error')
              .first()
              .textContent({ timeout: 100 })
              .catch(() => null);
            rows.push({ path: p.path, caller, ...size, ...(error ? { problem: `shows an error: ${error}` } : {}) });
          } catch (e) {
            rows.push({
              path: p.path,
              caller,
              nodes: null,
              depth: null,
              problem: (e as Error).message.split('\n')[0]!,
            });
          }
        }
      }
      await context.close();
    } finally {
      await browser.close();
    }
  } finally {
    await site.stop();
  }
  const goals = rows.flatMap((r) => [
    atMost(`DOM nodes, ${r.path}`, r.nodes, NODES_GOAL),
    atMost(`DOM depth, ${r.path}`, r.depth, DEPTH_GOAL),
  ]);
  return { figures: { viewport: PHONE.viewport, rows }, goals, lines: formatDom(rows, goals) };
}

function formatDom(rows: DomRow[], goals: GoalCheck[]): string[] {
  const lines = [
    `the H5 build at ${PHONE.viewport.width}×${PHONE.viewport.height}, each page after its data has loaded, as the caller whose page it is`,
    `${'page'.padEnd(36)}${'caller'.padEnd(13)}${'nodes'.padStart(7)}  ${`goal ≤ ${NODES_GOAL.toLocaleString('en-US')}`.padEnd(12)}${'depth'.padStart(6)}  goal ≤ ${DEPTH_GOAL}`,
  ];
  rows.forEach((r, i) => {
    const nodes = goals[2 * i]!;
    const depth = goals[2 * i + 1]!;
    lines.push(
      `${r.path.padEnd(36)}${r.caller.padEnd(13)}${String(r.nodes ?? '—').padStart(7)}  ${mark(nodes.met).padEnd(12)}${String(r.depth ?? '—').padStart(6)}  ${mark(depth.met)}${r.problem ? `   (${r.problem})` : ''}`,
    );
  });
  return lines;
}

export const domSection: Section = {
  name: 'dom',
  title: 'DOM size of every page of the H5 app',
  timeoutMinutes: 20,
  run: measure,
};
