import { DEMO_DEPUTIES } from '../../server/local/demo-street';
import { CATEGORY_IDS } from '../../src/domain/categories';
import type { Opinion } from '../../src/domain/opinion';
import { shanghaiDay } from '../support/figure-recount';
import { startLocalApi } from '../support/local-api';
import { ADMIN, call, DEPUTY, type LocalApi, ok, REPLY, STAFF, TRAFFIC } from '../support/opinion-calls';

// A winter of activity at three stations, made through the real actions with a moving clock:
// what the reports tests (reports-*-over-http.test.ts) count and recount.

export const DAY = 24 * 60 * 60 * 1000;
/** 10:00 in Shanghai on a date. */
export const morning = (date: string) => Date.parse(`${date}T02:00:00Z`);
export const WINTER = { from: '2025-11-01', to: '2026-03-31' };

export const STATIONS = ['qx-jiedao', 'qx-wenchang', 'qx-laixun'] as const;
const staffOf: Record<string, string> = {
  'qx-jiedao': STAFF,
  'qx-wenchang': 'staff-wenchang',
  'qx-laixun': 'staff-laixun',
};
const deputyOpenid: Record<string, string> = { d01: DEPUTY };

type Fate =
  | 'open'
  | 'transferred'
  | 'replied'
  | 'late'
  | 'resolved'
  | 'satisfied'
  | 'basic'
  | 'reopened'
  | 'review'
  | 'withdrawn'
  | 'rejected'
  | 'held'
  | 'walkIn';

const FATES: Fate[] = [
  'satisfied',
  'basic',
  'reopened',
  'replied',
  'late',
  'resolved',
  'open',
  'transferred',
  'withdrawn',
  'rejected',
  'held',
  'review',
  'satisfied',
  'walkIn',
  'satisfied',
  'basic',
  'satisfied',
];

interface Spec {
  at: number;
  station: string;
  category: string;
  fate: Fate;
  voter: string;
}

/** Five months of opinions, twelve a month, plus three around the turns of the periods. */
function specs(): Spec[] {
  const out: Spec[] = [];
  const months = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];
  months.forEach((month, m) => {
    for (let j = 0; j < 12; j += 1) {
      out.push({
        at: morning(`${month}-${String(3 + j).padStart(2, '0')}`) + j * 60_000,
        station: STATIONS[(m + j) % STATIONS.length]!,
        category: CATEGORY_IDS[(m * 5 + j) % CATEGORY_IDS.length]!,
        fate: FATES[(m * 7 + j) % FATES.length]!,
        voter: `voter-${month}-${j}`,
      });
    }
  });
  const edge = (iso: string, fate: Fate, voter: string) =>
    out.push({ at: Date.parse(iso), station: 'qx-jiedao', category: 'transport', fate, voter });
  edge('2025-10-31T15:50:00Z', 'satisfied', 'voter-before'); // 31 October 23:50 in Shanghai
  edge('2025-12-31T15:30:00Z', 'replied', 'voter-old-year'); // 31 December 23:30
  edge('2025-12-31T16:10:00Z', 'open', 'voter-new-year'); // 1 January 00:10
  return out;
}

/** The local server with its clock, the steps still to live, and the opinions stored so far. */
export interface Winter {
  api: LocalApi;
  /** The server's clock: set it to ask about another day. */
  clock: { now: number };
  /** Run every step up to `until`, each at its own time, and leave the clock at `until`. */
  liveUntil(until: number): Promise<void>;
  allOpinions(): Promise<Opinion[]>;
}

interface Step {
  at: number;
  run: () => Promise<unknown>;
}

/** The actions that bring one opinion to its fate, each at its time. */
function stepsFor(spec: Spec, api: LocalApi, now: () => number): Step[] {
  let id = '';
  let deputy = '';
  const staff = staffOf[spec.station]!;
  const after = (days: number, run: () => Promise<unknown>): Step => ({ at: spec.at + days * DAY, run });
  const reply = () => ok(api, deputyOpenid[deputy]!, 'casework', 'reply', { opinionId: id, content: REPLY });
  const resolve = () => ok(api, staff, 'casework', 'resolve', { opinionId: id, note: '现场回访确认已办结' });
  const rate = (satisfaction: string) => () => ok(api, spec.voter, 'opinions', 'rate', { opinionId: id, satisfaction });
  const fields = {
    stationId: spec.station,
    category: spec.category,
    content: spec.fate === 'held' ? '楼上邻居天天半夜装修，吵得人想去死，物业也不管。' : TRAFFIC,
    requestId: `stats-${spec.voter}`,
  };
  const submit: Step = {
    at: spec.at,
    run: async () => {
      const data =
        spec.fate === 'walkIn'
          ? await ok(api, staff, 'casework', 'intake', fields)
          : await ok(api, spec.voter, 'opinions', 'submit', fields);
      id = data.opinionId;
      deputy = data.assignedDeputyId ?? '';
    },
  };
  const handled = [after(3, reply), after(5, resolve)];
  switch (spec.fate) {
    case 'transferred':
      return [
        submit,
        after(2, () =>
          ok(api, deputyOpenid[deputy]!, 'casework', 'transfer', {
            opinionId: id,
            unit: '县交通运输局',
            expectedDate: shanghaiDay(now() + 30 * DAY),
          }),
        ),
      ];
    case 'replied':
    case 'walkIn':
      return [submit, after(3, reply)];
    case 'late':
      return [submit, after(21, reply)];
    case 'resolved':
      return [submit, ...handled];
    case 'satisfied':
      return [submit, ...handled, after(6, rate('satisfied'))];
    case 'basic':
      return [submit, ...handled, after(6, rate('basically_satisfied'))];
    case 'reopened':
      return [submit, ...handled, after(6, rate('dissatisfied'))];
    case 'review':
      return [
        submit,
        ...handled,
        after(6, rate('dissatisfied')),
        after(8, reply),
        after(9, resolve),
        after(10, rate('dissatisfied')),
      ];
    case 'withdrawn':
      return [submit, after(1, () => ok(api, spec.voter, 'opinions', 'withdraw', { opinionId: id }))];
    case 'rejected':
      return [
        submit,
        after(1, () =>
          ok(api, staff, 'casework', 'reject', { opinionId: id, kind: 'out_of_remit', reason: '属于省级部门职责' }),
        ),
      ];
    default:
      return [submit];
  }
}

/**
 * Start the local server on 20 October 2025 with staff at the three stations and every deputy of
 * them linked to an account; the winter's steps run as `liveUntil` reaches them.
 */
export async function startWinter(): Promise<Winter> {
  const clock = { now: morning('2025-10-20') };
  const api = await startLocalApi({ now: () => clock.now });
  await ok(api, staffOf['qx-wenchang']!, 'account', 'redeemInvite', { code: 'GZQX6789' });
  const laixun = await ok(api, ADMIN, 'casework', 'issueInvite', { role: 'staff', stationId: 'qx-laixun' });
  await ok(api, staffOf['qx-laixun']!, 'account', 'redeemInvite', { code: laixun.code });
  for (const deputy of DEMO_DEPUTIES.filter((d) => d.id !== 'd01' && STATIONS.includes(d.stationId as never))) {
    const invite = await ok(api, ADMIN, 'casework', 'issueInvite', { role: 'deputy', deputyId: deputy.id });
    deputyOpenid[deputy.id] = `deputy-${deputy.id}`;
    await ok(api, deputyOpenid[deputy.id]!, 'account', 'redeemInvite', { code: invite.code });
  }
  const pending: Step[] = specs()
    .flatMap((spec) => stepsFor(spec, api, () => clock.now))
    .sort((a, b) => a.at - b.at);
  return {
    api,
    clock,
    liveUntil: async (until) => {
      while (pending.length > 0 && pending[0]!.at <= until) {
        const step = pending.shift()!;
        clock.now = step.at;
        await step.run();
      }
      clock.now = until;
    },
    allOpinions: async () => {
      const out: Opinion[] = [];
      let cursor: string | null = null;
      do {
        const page = await api.store.listOpinions({ limit: 50, ...(cursor ? { cursor } : {}) });
        out.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return out;
    },
  };
}

/** reports.stats as `openid` asks it of the winter's server: the whole answer, or its data. */
export function statsCalls(winter: () => Winter) {
  const stats = async (openid: string | undefined, fields: Record<string, unknown>) =>
    call(winter().api, openid, 'reports', 'stats', fields);
  const statsData = async (openid: string, fields: Record<string, unknown>) => {
    const { body } = await stats(openid, fields);
    if (!body.ok) throw new Error(`reports.stats failed: ${JSON.stringify(body.error)}`);
    return body.data as Record<string, any>;
  };
  return { stats, statsData, today: () => shanghaiDay(winter().clock.now) };
}
