import { join } from 'node:path';
import { DEMO_STATIONS } from '../server/local/demo-street';
import { atLeast } from './support/goals';
import { startLocalApi } from './support/local-api';
import { volumeLabel, type Section, type SectionContext } from './support/section';
import { throughput } from './support/timing';
import { openVolumeStore } from './support/volume-store';

// Concurrent submits (20 in flight, after 200 unmeasured) against a bare Node http hello-world
// in the same run, at the largest volume of the run (where routing costs most); goal: ≥ 0.3× hello.
// Measured in rounds, each of submits and then hellos: the machine's speed drifts over a run (a
// shared 2-core machine: hello alone varies by a quarter between runs), so each round's ratio
// compares the two at nearly the same moment, and the figure is the median round's.

const TOTAL = 2_000;
const ROUNDS = 5;
/** Unmeasured calls before each measured run. */
const WARM_UP = 200;
const CONCURRENCY = 20;
const GOAL_RATIO = 0.3;

export const throughputSection = (volume: number): Section => ({
  name: 'throughput',
  title: `concurrent submits at ${volumeLabel(volume)} opinions`,
  timeoutMinutes: 30,
  run: (ctx) => measureThroughput(volume, ctx),
});

async function measureThroughput(volume: number, ctx: SectionContext) {
  const dir = join(ctx.workDir, 'volume');
  const volumes = await openVolumeStore(dir);
  if (volumes.count() < volume) {
    ctx.log(`filling ${volumeLabel(volumes.count())} → ${volumeLabel(volume)} opinions through the store…`);
    await volumes.growTo(volume);
  }
  const api = await startLocalApi(volumes.store, dir);
  try {
    const submit = (i: number) =>
      api.post(
        'opinions',
        {
          action: 'submit',
          stationId: DEMO_STATIONS[i % DEMO_STATIONS.length]!.id,
          category: 'transport',
          content: '来薰路与文昌路口早晚高峰拥堵，建议优化信号灯配时。',
          requestId: `bench-concurrent-${i}-${Math.random().toString(36).slice(2)}`,
        },
        `bench-concurrent-${i % 1_000}`,
      );
    // Each warmed up first, as the latency sections' calls are: a store just opened by this
    // process reads its indexes from disk for the first few hundred submits.
    await throughput((i) => submit(TOTAL + i), WARM_UP, CONCURRENCY);
    await throughput(api.sayHello, WARM_UP, CONCURRENCY);
    const perRound = TOTAL / ROUNDS;
    const rounds: Array<{ submits: number; hello: number; ratio: number }> = [];
    for (let r = 0; r < ROUNDS; r += 1) {
      const submits = await throughput((i) => submit(r * perRound + i), perRound, CONCURRENCY);
      const hello = await throughput(api.sayHello, perRound, CONCURRENCY);
      rounds.push({ submits, hello, ratio: submits / hello });
    }
    const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(ROUNDS / 2)]!;
    // Rates over all rounds: the total of calls over the total of time.
    const overall = (rate: (round: (typeof rounds)[number]) => number) =>
      TOTAL / rounds.reduce((sum, round) => sum + perRound / rate(round), 0);
    const submitsPerSecond = overall((round) => round.submits);
    const helloPerSecond = overall((round) => round.hello);
    const ratio = +median.ratio.toFixed(2);
    const goal = atLeast(`concurrent submits ÷ hello at ${volumeLabel(volumes.count())}`, ratio, GOAL_RATIO, '×');
    return {
      figures: {
        volume: volumes.count(),
        total: TOTAL,
        concurrency: CONCURRENCY,
        submitsPerSecond,
        helloPerSecond,
        ratio,
        roundRatios: rounds.map((round) => +round.ratio.toFixed(2)),
      },
      goals: [goal],
      lines: [
        `${TOTAL} submits, ${CONCURRENCY} in flight, ${volumes.count().toLocaleString('en-US')} opinions: ${submitsPerSecond.toFixed(0)}/s; bare hello: ${helloPerSecond.toFixed(0)}/s`,
        `ratio, the median of ${ROUNDS} rounds of ${perRound} each: ${ratio.toFixed(2)} (goal ${goal.goal}) ${goal.met ? '✓' : '✗'}; rounds ${rounds.map((round) => round.ratio.toFixed(2)).join(' ')}`,
      ],
    };
  } finally {
    await api.close();
    await volumes.close();
  }
}
