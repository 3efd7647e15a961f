import { DEMO_DEPUTIES, DEMO_STATIONS } from '../../server/local/demo-street';
import { CATEGORY_IDS } from '../../src/domain/categories';
import type { Opinion, OpinionStatus } from '../../src/domain/opinion';

const STATUSES: OpinionStatus[] = ['assigned', 'replied', 'resolved', 'closed', 'transferred', 'submitted'];

/** The voters the generated opinions are spread over (`bench-voter-0` …). */
export const BENCH_VOTERS = 5_000;

/** The id of the i-th generated opinion (its author is `bench-voter-${i % voters}`). */
export const benchOpinionId = (i: number) => `opbench${String(i).padStart(9, '0')}`;

/**
 * The i-th generated opinion: the newest (i = 0) five minutes before `now`, each next one five
 * minutes earlier, so that the first N are the same opinions whatever the volume grows to; spread
 * over the demo stations, their deputies, the categories, `voters` voters and six statuses.
 */
export function benchOpinion(i: number, now: number, voters: number): Opinion {
  const station = DEMO_STATIONS[i % DEMO_STATIONS.length]!;
  const deputies = DEMO_DEPUTIES.filter((d) => d.stationId === station.id);
  const deputy = deputies[i % deputies.length]!;
  const voter = `bench-voter-${i % voters}`;
  const status = STATUSES[i % STATUSES.length]!;
  const createdAt = now - (i + 1) * 300_000;
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
