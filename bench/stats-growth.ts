import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CALLERS } from '../server/local/demo-street';
import { shanghaiDate } from '../src/domain/dates';
import { atMost, mark, type GoalCheck } from './support/goals';
import { serveLocalStore, startLocalApi } from './support/local-api';
import { volumeLabel, type Section, type SectionContext } from './support/section';
import { percentile } from './support/timing';
import { openVolumeStore } from './support/volume-store';

// reports.stats at the smallest and the largest volume, measured side by side (issue #14: its
// p95 at 1M within 1.2× of its p95 at 10k). The latency sections measure each volume minutes
// apart, and on a shared machine the hello-world's own p95 moves by a third between them; so the
// two stores are opened in one process and each grouping is called in alternating rounds — 2
// calls on one store, 2 on the other, the first of each round taking turns — and each store's
// p95 is taken over all its rounds. Rounds this short put a burst of the machine's other load on
// both stores alike: with rounds of 40 calls (about 60 ms) a burst fell on one store's round, and
// the ratio of the two p95s moved between 0.9 and 2.2 from run to run at equal p50s.

const ROUNDS = 400;
const PER_ROUND = 2;
const WARM_UP = 20;
const STATS_GROWTH = 1.2;

const GROUPINGS = [
  ['reports.stats (a year, street)', undefined],
  ['reports.stats (a year, by station)', 'station'],
  ['reports.stats (a year, by month)', 'month'],
  ['reports.stats (a year, by deputy)', 'deputy'],
  ['reports.stats (a year, by category)', 'category'],
] as const;

export const statsGrowthSection = (small: number, large: number): Section => ({
  name: 'stats-growth',
  title: `reports.stats at ${volumeLabel(small)} and ${volumeLabel(large)} opinions, side by side`,
  timeoutMinutes: 30,
  run: (ctx) => measureStatsGrowth(small, large, ctx),
});

async function measureStatsGrowth(small: number, large: number, ctx: SectionContext) {
  const big = await openVolumeStore(join(ctx.workDir, 'volume'));
  if (big.count() < large) {
    ctx.log(`filling ${volumeLabel(big.count())} → ${volumeLabel(large)} opinions through the store…`);
    await big.growTo(large);
  }
  // The small store holds the first `small` of the same generated opinions, over the same ten years.
  const smallDir = join(ctx.workDir, `stats-${volumeLabel(small)}`);
  mkdirSync(smallDir, { recursive: true });
  writeFileSync(join(smallDir, 'volume.json'), JSON.stringify({ now: big.now, count: 0 }));
  const little = await openVolumeStore(smallDir);
  await little.growTo(small);

  const api = await startLocalApi(little.store, smallDir);
  try {
    const year = shanghaiDate(big.now).slice(0, 4);
    const period = { action: 'stats', from: `${year}-01-01`, to: `${year}-12-31` };
    const stores = [
      { label: volumeLabel(small), use: () => serveLocalStore(little.store, smallDir) },
      { label: volumeLabel(large), use: () => serveLocalStore(big.store, join(ctx.workDir, 'volume')) },
    ];
    const goals: GoalCheck[] = [];
    const rows = [];
    for (const [action, groupBy] of GROUPINGS) {
      const call = () => api.post('reports', groupBy ? { ...period, groupBy } : period, DEMO_CALLERS.admin);
      const times: number[][] = stores.map(() => []);
      for (const store of stores) {
        store.use();
        for (let i = 0; i < WARM_UP; i += 1) await call();
      }
      for (let round = 0; round < ROUNDS; round += 1) {
        const order = round % 2 === 0 ? [...stores.entries()] : [...stores.entries()].reverse();
        for (const [s, store] of order) {
          store.use();
          for (let i = 0; i < PER_ROUND; i += 1) {
            const start = process.hrtime.bigint();
            await call();
            times[s]!.push(Number(process.hrtime.bigint() - start) / 1e6);
          }
        }
      }
      const [first, last] = times.map((t) => {
        const sorted = [...t].sort((a, b) => a - b);
        return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
      }) as [{ p50: number; p95: number }, { p50: number; p95: number }];
      const ratio = +(last.p95 / first.p95).toFixed(2);
      const goal = atMost(
        `${action} p95 ${stores[1]!.label} ÷ ${stores[0]!.label}, side by side`,
        ratio,
        STATS_GROWTH,
        '×',
      );
      goals.push(goal);
      rows.push({ action, small: first, large: last, ratio, goal });
    }
    const cell = (c: { p50: number; p95: number }) => `${c.p50.toFixed(2)} / ${c.p95.toFixed(2)}`.padStart(16);
    return {
      figures: {
        volumes: [small, large],
        rounds: ROUNDS,
        perRound: PER_ROUND,
        rows: rows.map(({ action, small: s, large: l, ratio }) => ({
          action,
          p50: [s.p50, l.p50],
          p95: [s.p95, l.p95],
          ratio,
        })),
      },
      goals,
      lines: [
        `${ROUNDS} rounds of ${PER_ROUND} calls on each store in turn, the first of a round taking turns (after ${WARM_UP} unmeasured); p50 / p95 ms over all rounds`,
        `${'action'.padEnd(38)}${stores.map((s) => s.label.padStart(16)).join('')}${'ratio'.padStart(8)}  goal`,
        ...rows.map(
          (r) =>
            `${r.action.padEnd(38)}${cell(r.small)}${cell(r.large)}${r.ratio.toFixed(2).padStart(8)}  ≤ ${STATS_GROWTH}× ${mark(r.goal.met)}`,
        ),
      ],
    };
  } finally {
    await api.close();
    await little.close();
    await big.close();
  }
}
