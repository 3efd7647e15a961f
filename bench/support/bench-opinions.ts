import { DEMO_DEPUTIES, DEMO_STATIONS } from '../../server/local/demo-street';
import { CATEGORY_IDS } from '../../src/domain/categories';
import type { Opinion, OpinionStatus } from '../../src/domain/opinion';

const STATUSES: OpinionStatus[] = ['assigned', 'replied', 'resolved', 'closed', 'transferred', 'submitted'];

/** The voters the generated opinions are spread over (`bench-voter-0` …). */
export const BENCH_VOTERS = 5_000;

/** The id of the i-th generated opinion (its author is `bench-voter-${i % voters}`). */
export const benchOpinionId = (i: number) => `opbench${String(i).padStart(9, '0')}`;

/** When the i-th generated opinion was written, counted back from `now`. */
export type BenchTimes = (i: number, now: number) => number;

/** The newest (i = 0) five minutes before `now`, each next one five minutes earlier. */
export const fiveMinutesApart: BenchTimes = (i, now) => now - (i + 1) * 300_000;

const TEN_YEARS_MS = 10 * 365.25 * 86_400_000;

/**
 * Anywhere in the ten years before `now`, by a hash of i (murmur3's finaliser): every volume
 * holds the same ten years — 10k opinions a thousand a year, 1M a hundred thousand — so a
 * year's report at each volume adds up a whole year of counters, and what grows from one volume
 * to the next is the opinions, not the months they fall in.
 */
export const overTenYears: BenchTimes = (i, now) => {
  let h = i ^ 0x9e3779b9;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return now - 300_000 - Math.floor(((h >>> 0) / 2 ** 32) * TEN_YEARS_MS);
};

/**
 * The i-th generated opinion, written at `times(i, now)`, the same opinion whatever the volume
 * grows to; spread over the demo stations, their deputies, the categories, `voters` voters and
 * six statuses.
 */
export function benchOpinion(i: number, now: number, voters: number, times: BenchTimes = fiveMinutesApart): Opinion {
  const station = DEMO_STATIONS[i % DEMO_STATIONS.length]!;
  const deputies = DEMO_DEPUTIES.filter((d) => d.stationId === station.id);
  const deputy = deputies[i % deputies.length]!;
  const voter = `bench-voter-${i % voters}`;
  const status = STATUSES[i % STATUSES.length]!;
  const createdAt = times(i, now);
  return {
    id: benchOpinionId(i),
    stationId: station.id,
    category: CATEGORY_IDS[i % CATEGORY_IDS.length]!,
    content: `第${i}条：青溪街道环城西路路灯不亮，夜间出行不便，希望尽快维修。`,
    images: [],
    anonymous: false,
    authorOpenid: voter,
    submittedBy: voter,
    source: 'app',
    requestId: `bench-${i}`,
    status,
    version: 1,
    ...(status === 'submitted' ? {} : { assignedDeputyId: deputy.id, replyDueDate: '2026-12-31' }),
    ...(['replied', 'resolved', 'closed'].includes(status)
      ? { reply: { content: '已协调处理。', deputyId: deputy.id, at: createdAt + 86_400_000 } }
      : {}),
    ...(status === 'closed'
      ? {
          rating: {
            satisfaction: i % 10 === 0 ? ('dissatisfied' as const) : ('satisfied' as const),
            at: createdAt + 9e8,
          },
        }
      : {}),
    createdAt,
    reopenCount: 0,
    updatedAt: createdAt,
  };
}
