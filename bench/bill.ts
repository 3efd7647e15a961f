import type { CloudbaseCost } from './cloudbase-cost';
import type { Section, SectionContext } from './support/section';

// A month of CloudBase for a county (issue #14, "A bill"): 300,000 voters in 25 streets, 10
// opinions per 1,000 voters a month, from the per-action counts the cloudbase section has just
// measured, beside the quota of CloudBase's basic environment (docs/SCALING.md, A month's bill).
// The counts are measured; how often each action is called per opinion is an assumption, stated
// here and printed with the bill.

export const COUNTY = { voters: 300_000, streets: 25, opinionsPer1000Voters: 10 };
const OPINIONS = (COUNTY.voters / 1_000) * COUNTY.opinionsPer1000Voters;
const DAYS = 30;

/** WeChat's CloudBase resource-quota page (basic quota, one environment); see docs/SCALING.md. */
export const QUOTA = { readsPerDay: 50_000, writesPerDay: 30_000, callsPerMonth: 200_000 };

/** Calls a month of each measured action, and why. */
const TRAFFIC: Array<{ action: string; calls: number; why: string }> = [
  { action: 'stations.list', calls: 2 * OPINIONS, why: 'twice per opinion (finding the station)' },
  { action: 'stations.get', calls: OPINIONS, why: 'once per opinion (its reception days)' },
  { action: 'stations.list', calls: COUNTY.voters / 100, why: 'voters looking up reception days, 1 per 100 a month' },
  { action: 'stations.get', calls: COUNTY.voters / 100, why: '…and opening the station' },
  { action: 'opinions.get', calls: 3 * OPINIONS, why: 'the voter opens it 3 times (sent, replied, rating)' },
  { action: 'opinions.mine (first page)', calls: 2 * OPINIONS, why: "twice per opinion, the voter's list" },
  { action: 'casework.inbox (deputy, first page)', calls: 2 * OPINIONS, why: 'twice per opinion, the deputy' },
  { action: 'casework.inbox (staff, overdue)', calls: OPINIONS, why: 'once per opinion, the station staff' },
  { action: 'reports.stats (a year, by station)', calls: COUNTY.streets * 20, why: '20 a month per street' },
  {
    action: "stations.list (a new instance's first call)",
    calls: 100 * DAYS,
    why: 'a new instance loading the reference data it then keeps: 100 a day across the functions (assumed)',
  },
];
/** Every minute; the first run of an hour claims its slots, the other 59 find them claimed. */
const SCHEDULER_RUNS = 60 * 24 * DAYS;

export interface BillLine {
  what: string;
  calls: number;
  reads: number;
  writes: number;
}

export const billSection: Section = {
  name: 'bill',
  title: `a month of CloudBase for a county of ${COUNTY.voters.toLocaleString('en-US')} voters`,
  timeoutMinutes: 1,
  after: ['cloudbase'],
  run: async (ctx) => bill(ctx),
};

async function bill(ctx: SectionContext) {
  const record = ctx.earlier.cloudbase;
  if (!record || !('figures' in record)) throw new Error('needs the cloudbase section of this run');
  const cost = record.figures as CloudbaseCost;
  const mean = (action: string) => {
    const row = cost.rows.find((r) => r.action === action);
    if (!row) throw new Error(`the cloudbase section measured no "${action}"`);
    return { reads: row.reads.mean, writes: row.writes.mean };
  };
  const lines: BillLine[] = [
    {
      what: `${OPINIONS.toLocaleString('en-US')} opinions' write path (two acceptances, submit, reply, resolve, rate, ${cost.lifecycle.messages} notices each)`,
      calls: OPINIONS * cost.lifecycle.calls,
      reads: OPINIONS * cost.lifecycle.reads,
      writes: OPINIONS * cost.lifecycle.writes,
    },
    ...TRAFFIC.map((t) => {
      const m = mean(t.action);
      return { what: `${t.action}: ${t.why}`, calls: t.calls, reads: t.calls * m.reads, writes: t.calls * m.writes };
    }),
  ];
  const opening = mean("scheduler: opening a month's figure counters");
  lines.push({
    what: `opening each month's figure counters ahead (the demo street's, for each of ${COUNTY.streets} streets)`,
    calls: 0,
    reads: COUNTY.streets * opening.reads,
    writes: COUNTY.streets * opening.writes,
  });
  const claims = SCHEDULER_RUNS / 60;
  const claim = mean('scheduler run (claims its slots)');
  const idle = mean('scheduler run (slots already claimed)');
  lines.push({
    what: `scheduler: ${SCHEDULER_RUNS.toLocaleString('en-US')} runs (1 a minute; ${claims} claim the hour's slots, the rest on a warm instance)`,
    calls: SCHEDULER_RUNS,
    reads: claims * claim.reads + (SCHEDULER_RUNS - claims) * idle.reads,
    writes: claims * claim.writes + (SCHEDULER_RUNS - claims) * idle.writes,
  });
  const total = lines.reduce(
    (t, l) => ({ calls: t.calls + l.calls, reads: t.reads + l.reads, writes: t.writes + l.writes }),
    { calls: 0, reads: 0, writes: 0 },
  );
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  const share = (x: number, of: number) => `${Math.round((100 * x) / of)}%`;
  const perDay = { reads: total.reads / DAYS, writes: total.writes / DAYS };
  return {
    figures: { county: COUNTY, opinionsPerMonth: OPINIONS, quota: QUOTA, lines, total, perDay },
    lines: [
      `${COUNTY.streets} streets, ${OPINIONS.toLocaleString('en-US')} opinions a month; operations from the cloudbase section's means`,
      `${'what'.padEnd(84)}${'calls'.padStart(9)}${'reads'.padStart(11)}${'writes'.padStart(11)}`,
      ...lines.map(
        (l) => `${l.what.padEnd(84)}${n(l.calls).padStart(9)}${n(l.reads).padStart(11)}${n(l.writes).padStart(11)}`,
      ),
      `${'a month'.padEnd(84)}${n(total.calls).padStart(9)}${n(total.reads).padStart(11)}${n(total.writes).padStart(11)}`,
      `a day: ${n(perDay.reads)} reads (${share(perDay.reads, QUOTA.readsPerDay)} of the basic quota's ${n(QUOTA.readsPerDay)}), ${n(perDay.writes)} writes (${share(perDay.writes, QUOTA.writesPerDay)} of ${n(QUOTA.writesPerDay)}); function calls a month ${n(total.calls)} (${share(total.calls, QUOTA.callsPerMonth)} of ${n(QUOTA.callsPerMonth)})`,
    ],
  };
}
