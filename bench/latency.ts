import { join } from 'node:path';
import { DEMO_CALLERS, DEMO_STATIONS } from '../server/local/demo-street';
import { shanghaiDate } from '../src/domain/dates';
import { BENCH_VOTERS, benchOpinionId } from './support/bench-opinions';
import { startLocalApi } from './support/local-api';
import { volumeLabel, type Section, type SectionContext } from './support/section';
import { latency, ms, type Percentiles } from './support/timing';
import { openVolumeStore } from './support/volume-store';

// The local API's latency at one volume of opinions: the local server's functions on the SQLite
// store over HTTP, serial calls, each action beside a bare Node http hello-world measured in the
// same run. The store grows from one volume to the next (support/volume-store.ts).

/** Up to 400 calls an action, or what fits in 10 s (at least 50): reports.stats at 1M is slow. */
const BUDGET = {
  samples: Number(process.env.BENCH_SAMPLES ?? 400),
  seconds: Number(process.env.BENCH_SECONDS_PER_ACTION ?? 10),
  minSamples: 50,
};

export interface LatencyFigures {
  volume: number;
  /** Opinions the store held before this section filled it up to `volume`. */
  filledFrom: number;
  fillSeconds: number;
  baseline: Percentiles & { samples: number };
  rows: Array<{ action: string; samples: number } & Percentiles>;
}

/** The actions measured at every volume, in the order of the growth table. */
export const LATENCY_ACTIONS = [
  'opinions.submit (routed)',
  'stations.list',
  'stations.get',
  'opinions.get',
  'opinions.mine',
  'casework.inbox (deputy)',
  'casework.inbox (deputy, due soon)',
  'casework.inbox (staff, overdue)',
  'reports.stats (a year, street)',
  'reports.stats (a year, by station)',
  'reports.stats (a year, by month)',
  'reports.stats (a year, by deputy)',
  'reports.stats (a year, by category)',
] as const;

export function latencySection(volume: number): Section {
  const label = volumeLabel(volume);
  return {
    name: `latency-${label}`,
    title: `local API latency on SQLite at ${label} opinions`,
    timeoutMinutes: 30,
    run: (ctx) => measureLatency(volume, ctx),
  };
}

async function measureLatency(volume: number, ctx: SectionContext) {
  const dir = join(ctx.workDir, 'volume');
  const volumes = await openVolumeStore(dir);
  const filledFrom = volumes.count();
  if (filledFrom > volume) throw new Error(`the bench store already holds ${filledFrom} opinions`);
  ctx.log(`filling ${volumeLabel(filledFrom)} → ${volumeLabel(volume)} opinions through the store…`);
  let lastLog = Date.now();
  const fillSeconds = await volumes.growTo(volume, (n) => {
    if (Date.now() - lastLog > 30_000) {
      lastLog = Date.now();
      ctx.log(`  ${n.toLocaleString('en-US')} opinions`);
    }
  });
  ctx.log(`filled in ${fillSeconds.toFixed(1)} s`);
  const api = await startLocalApi(volumes.store, dir);
  try {
    const { post } = api;
    const year = shanghaiDate(volumes.now).slice(0, 4);
    const period = { action: 'stats', from: `${year}-01-01`, to: `${year}-12-31` };
    const station = (i: number) => DEMO_STATIONS[Math.abs(i) % DEMO_STATIONS.length]!.id;
    // The i-th of the newest generated opinions and its author (one of BENCH_VOTERS).
    const own = (i: number) => Math.abs(i) % Math.min(BENCH_VOTERS, volume);
    const voter = (i: number) => `bench-voter-${own(i) % BENCH_VOTERS}`;
    const send: Record<(typeof LATENCY_ACTIONS)[number], (i: number) => Promise<void>> = {
      'opinions.submit (routed)': (i) =>
        post(
          'opinions',
          {
            action: 'submit',
            stationId: station(i),
            category: 'transport',
            content: '来薰路与文昌路口早晚高峰拥堵，建议优化信号灯配时。',
            requestId: `bench-submit-${volume}-${i}-${Math.random().toString(36).slice(2)}`,
          },
          voter(i),
        ),
      'stations.list': (i) => post('stations', { action: 'list' }, voter(i)),
      'stations.get': (i) => post('stations', { action: 'get', stationId: station(i) }, voter(i)),
      'opinions.get': (i) => post('opinions', { action: 'get', opinionId: benchOpinionId(own(i)) }, voter(i)),
      'opinions.mine': (i) => post('opinions', { action: 'mine' }, voter(i)),
      'casework.inbox (deputy)': () => post('casework', { action: 'inbox', filter: 'all' }, DEMO_CALLERS.deputy),
      'casework.inbox (deputy, due soon)': () =>
        post('casework', { action: 'inbox', filter: 'due_soon' }, DEMO_CALLERS.deputy),
      'casework.inbox (staff, overdue)': () =>
        post('casework', { action: 'inbox', filter: 'overdue' }, DEMO_CALLERS.staff),
      'reports.stats (a year, street)': () => post('reports', period, DEMO_CALLERS.admin),
      'reports.stats (a year, by station)': () =>
        post('reports', { ...period, groupBy: 'station' }, DEMO_CALLERS.admin),
      'reports.stats (a year, by month)': () => post('reports', { ...period, groupBy: 'month' }, DEMO_CALLERS.admin),
      'reports.stats (a year, by deputy)': () => post('reports', { ...period, groupBy: 'deputy' }, DEMO_CALLERS.admin),
      'reports.stats (a year, by category)': () =>
        post('reports', { ...period, groupBy: 'category' }, DEMO_CALLERS.admin),
    };
    const baseline = await latency(api.sayHello, BUDGET);
    const rows: LatencyFigures['rows'] = [];
    for (const action of LATENCY_ACTIONS) rows.push({ action, ...(await latency(send[action], BUDGET)) });
    const figures: LatencyFigures = { volume, filledFrom, fillSeconds, baseline, rows };
    return { figures, lines: formatLatency(figures) };
  } finally {
    await api.close();
    await volumes.close();
  }
}

function formatLatency(f: LatencyFigures): string[] {
  const perSecond = (f.volume - f.filledFrom) / Math.max(f.fillSeconds, 0.001);
  return [
    `SQLite, ${f.volume.toLocaleString('en-US')} opinions (filled from ${f.filledFrom.toLocaleString('en-US')} in ${f.fillSeconds.toFixed(1)} s, ${Math.round(perSecond).toLocaleString('en-US')}/s); serial calls, up to ${BUDGET.samples} an action or ${BUDGET.seconds} s (at least ${BUDGET.minSamples}); goals in the growth table`,
    `${'action'.padEnd(38)}${'calls'.padStart(6)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'p99 ms'.padStart(8)}  ×hello p50`,
    `${'bare node http (hello)'.padEnd(38)}${String(f.baseline.samples).padStart(6)}${ms(f.baseline.p50)}${ms(f.baseline.p95)}${ms(f.baseline.p99)}`,
    ...f.rows.map(
      (r) =>
        `${r.action.padEnd(38)}${String(r.samples).padStart(6)}${ms(r.p50)}${ms(r.p95)}${ms(r.p99)}  ${(r.p50 / f.baseline.p50).toFixed(1).padStart(6)}`,
    ),
  ];
}
