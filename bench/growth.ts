import { atMost, mark, type GoalCheck } from './support/goals';
import { LATENCY_ACTIONS, type LatencyFigures } from './latency';
import { volumeLabel, type Section, type SectionContext } from './support/section';

// How each action's cost grows with the opinions (issue #14, "Cost that does not grow with the
// years"): p50 / p95 at every volume measured in this run, the ratio of the largest to the
// smallest, and the goals beside them — submit p95 at 1M ≤ 5 ms; reports.stats p95 at 1M ≤ 10 ms.
// Its growth goal (≤ 1.2× of 10k) is checked by stats-growth, which measures the two volumes side
// by side: the ratios here compare sections run minutes apart, and show the machine's drift too.

const SUBMIT_P95_MS = 5;
const STATS_P95_MS = 10;

export const growthSection = (latencySections: string[]): Section => ({
  name: 'growth',
  title: 'how each action grows with the opinions',
  timeoutMinutes: 1,
  after: latencySections,
  run: async (ctx) => growth(ctx, latencySections),
});

async function growth(ctx: SectionContext, latencySections: string[]) {
  const measured = latencySections
    .map((name) => ctx.earlier[name])
    .flatMap((r) => (r && 'figures' in r ? [r.figures as LatencyFigures] : []))
    .sort((a, b) => a.volume - b.volume);
  if (measured.length === 0) throw new Error('no latency section was measured in this run');
  const smallest = measured[0]!;
  const largest = measured[measured.length - 1]!;
  const at = (f: LatencyFigures, action: string) => f.rows.find((r) => r.action === action);
  const big = volumeLabel(largest.volume);
  const small = volumeLabel(smallest.volume);
  const goals: GoalCheck[] = [];
  const rows = LATENCY_ACTIONS.map((action) => {
    const first = at(smallest, action);
    const last = at(largest, action);
    const ratio = first && last && measured.length > 1 ? +(last.p95 / first.p95).toFixed(2) : null;
    const checks: GoalCheck[] = [];
    if (action.startsWith('opinions.submit')) {
      checks.push(atMost(`${action} p95 at ${big}`, last ? +last.p95.toFixed(2) : null, SUBMIT_P95_MS, 'ms'));
    }
    if (action.startsWith('reports.stats')) {
      checks.push(atMost(`${action} p95 at ${big}`, last ? +last.p95.toFixed(2) : null, STATS_P95_MS, 'ms'));
    }
    goals.push(...checks);
    return { action, ratio, checks, cells: measured.map((f) => at(f, action) ?? null) };
  });

  const cell = (c: { p50: number; p95: number } | null) =>
    (c ? `${c.p50.toFixed(1)} / ${c.p95.toFixed(1)}` : '—').padStart(14);
  const lines = [
    `p50 / p95 ms at each volume; ratio = p95 at ${big} ÷ p95 at ${small}${measured.length < latencySections.length ? ` (volumes missing from this run: ${latencySections.length - measured.length})` : ''}`,
    `${'action'.padEnd(38)}${measured.map((f) => volumeLabel(f.volume).padStart(14)).join('')}${'ratio'.padStart(8)}  goals`,
    `${'bare node http (hello)'.padEnd(38)}${measured.map((f) => cell(f.baseline)).join('')}${(measured.length > 1 ? (largest.baseline.p95 / smallest.baseline.p95).toFixed(2) : '—').padStart(8)}`,
    ...rows.map(
      (r) =>
        `${r.action.padEnd(38)}${r.cells.map(cell).join('')}${(r.ratio === null ? '—' : r.ratio.toFixed(2)).padStart(8)}  ${
          r.checks
            .map((c) => `${c.label.includes('÷') ? 'ratio' : `p95 at ${big}`} ${c.goal} ${mark(c.met)}`)
            .join('; ') || '—'
        }`,
    ),
  ];
  if (largest.volume !== 1_000_000)
    lines.push(`(the goals are stated at 1M opinions; the largest volume of this run is ${big})`);
  return {
    figures: {
      volumes: measured.map((f) => f.volume),
      rows: rows.map((r) => ({
        action: r.action,
        p50: r.cells.map((c) => c?.p50 ?? null),
        p95: r.cells.map((c) => c?.p95 ?? null),
        ratio: r.ratio,
      })),
    },
    goals,
    lines,
  };
}
