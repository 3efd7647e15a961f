import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as account } from '../cloudfunctions/account/index';
import { main as casework } from '../cloudfunctions/casework/index';
import { main as evaluations } from '../cloudfunctions/evaluations/index';
import { main as opinions } from '../cloudfunctions/opinions/index';
import { main as reports } from '../cloudfunctions/reports/index';
import { main as stations } from '../cloudfunctions/stations/index';
import { createCloudbaseStore } from '../server/adapters/cloudbase/cloudbase-store';
import { COLLECTION_NAMES } from '../server/adapters/cloudbase/collections';
import { nodeIds } from '../server/adapters/node-ids';
import { createSubscribeNotifier } from '../server/adapters/wechat/subscribe-notifier';
import type { WxOpenApi } from '../server/adapters/wechat/wx-open-api';
import { DEMO_CALLERS, DEMO_DEPUTIES, DEMO_STATIONS } from '../server/local/demo-street';
import { seedDemoData } from '../server/local/seed';
import type { Store } from '../server/ports/store';
import { localAdapters, setRuntime, systemClock, type Runtime } from '../server/runtime/runtime';
import { dispatchOutbox } from '../server/services/outbox-dispatch';
import { openMonthCounters } from '../server/services/counter-opening';
import { runScheduledJobs } from '../server/services/scheduled-jobs';
import { CATEGORY_IDS } from '../src/domain/categories';
import { TEMPLATES } from '../src/domain/notification-templates';
import type { TemplateKey } from '../src/domain/notifications';
import type { SubscribeTemplates } from '../src/domain/subscribe-templates';
import type { MeView } from '../src/domain/views';
import { monthsToOpen, openingKeys } from '../src/domain/figure-counters';
import { shanghaiDate } from '../src/domain/dates';
import type { Envelope } from '../src/domain/envelope';
import { benchOpinion } from './support/bench-opinions';
import { atMost, mark, type GoalCheck } from './support/goals';
import type { Section } from './support/section';
import { createMemoryDatabase, memoryCloudbaseApp, type OperationCounts } from '../tests/support/memory-cloudbase';

// CloudBase cost per action: the real CloudBase adapters (server/adapters/cloudbase) on the
// in-memory stand-in of CloudBase's database (tests/support/memory-cloudbase), which counts the
// requests they make the way CloudBase bills them. Every action goes through its cloud
// function's entry, as in production; the count of each call is taken alone.

type Main = (event: unknown, context: unknown) => Promise<Envelope<unknown>>;

export interface CostRow {
  action: string;
  calls: number;
  reads: { min: number; max: number; mean: number };
  writes: { min: number; max: number; mean: number };
  /** Documents returned per call (mean), for information: CloudBase bills the requests. */
  documentsRead: number;
}

export interface CloudbaseCost {
  opinions: number;
  rule: string;
  rows: CostRow[];
  /** One opinion's write path: submit, reply, resolve, rate, and the scheduler sending its notices. */
  /** One opinion's write path: its function calls, their reads and writes, and the notices sent. */
  lifecycle: { calls: number; reads: number; writes: number; messages: number };
}

export const COUNTING_RULE =
  'one read per get/count/aggregate request, one write per add/set/update/remove request; a transaction counts its inner requests';

const VOTERS = 100;

/** The calls of one opinion's write path, as the bench's rows name them; its notices come after. */
const WRITE_PATH = [
  'account.acceptSubscriptions (voter, at 提交)',
  'opinions.submit (routed)',
  'account.acceptSubscriptions (deputy, at 待办)',
  'casework.reply',
  'casework.resolve',
  'opinions.rate',
] as const;
const OUTBOX_ROW = 'scheduler outbox, per message';
const context = (openid: string) => ({
  function_name: 'bench',
  request_id: 'bench',
  environment: JSON.stringify({ TRIGGER_SRC: 'wx_client', WX_OPENID: openid }),
});

const deputyCaller = (deputyId: string) => (deputyId === 'd01' ? DEMO_CALLERS.deputy : `bench-deputy-${deputyId}`);
const staffCaller = (stationId: string) =>
  stationId === 'qx-jiedao' ? DEMO_CALLERS.staff : `bench-staff-${stationId}`;

/** The demo street, an account for every deputy and station, then `total` opinions through the adapter. */
async function fill(store: Store, total: number, now: number) {
  await seedDemoData(store, systemClock);
  const audit = (targetId: string) => ({
    at: now,
    actor: 'bench',
    action: 'bench.account',
    targetType: 'account',
    targetId,
  });
  for (const d of DEMO_DEPUTIES.filter((d) => d.id !== 'd01')) {
    const openid = deputyCaller(d.id);
    await store.putAccount(
      { openid, role: 'deputy', stationId: d.stationId, deputyId: d.id, createdAt: now },
      audit(openid),
    );
  }
  for (const s of DEMO_STATIONS.filter((s) => s.id !== 'qx-jiedao')) {
    const openid = staffCaller(s.id);
    await store.putAccount({ openid, role: 'staff', stationId: s.id, createdAt: now }, audit(openid));
  }
  for (let i = 0; i < total; i += 1) await store.createOpinion(benchOpinion(i, now, VOTERS), [], []);
}

export const cloudbaseSection: Section = {
  name: 'cloudbase',
  title: 'CloudBase operations per action',
  timeoutMinutes: 20,
  run: async () => {
    const cost = await measureCloudbaseCost(Number(process.env.BENCH_CLOUDBASE_OPINIONS ?? 3_000));
    const goals = costGoals(cost);
    return { figures: cost, goals, lines: formatCloudbaseCost(cost, goals) };
  },
};

/**
 * The most operations one call of each action may make. Issue #14 set submit ≤ 6 and a list or a
 * view ≤ 2. The other steps of an opinion's write path are held at their floor under the rules
 * they serve (docs/SCALING.md, "Per opinion over its life"): the versions of the reference data
 * (1 read), the caller's daily limit (1 write), the opinion read and written, its notice and its
 * counter — and a voter's second opinion of a day on an instance that has not seen the day's
 * limit document pays its refused create. The first matching prefix counts.
 */
export const OPERATION_BUDGETS: ReadonlyArray<readonly [prefix: string, limit: number]> = [
  ["opinions.submit (the voter's second of the day, another instance)", 7],
  ['opinions.submit', 6],
  ['stations.list', 2],
  ['stations.get', 2],
  ['opinions.get', 2],
  ['opinions.mine', 2],
  ['casework.inbox', 2],
  // The daily limit; the caller's acceptances document read and written; the audit line.
  ['account.acceptSubscriptions', 4],
  ['casework.reply', 6],
  ['casework.resolve', 6],
  // As a reply, without a notice.
  ['opinions.rate', 5],
  // The claim, the acceptance spent, the outcome; a share of the due list's query.
  [OUTBOX_ROW, 3.1],
];

/** The budget of an action's row; none for a new instance's first call, which loads what later calls keep. */
const budgetOf = (action: string) =>
  action.includes('first call') ? undefined : OPERATION_BUDGETS.find(([prefix]) => action.startsWith(prefix))?.[1];

/**
 * Each budget beside its figure: the most operations (reads + writes) any call of the action
 * made; and the write path's, the sum of its steps' budgets and its notices'.
 */
export function costGoals(cost: CloudbaseCost): GoalCheck[] {
  const goals: GoalCheck[] = [];
  for (const row of cost.rows) {
    const limit = budgetOf(row.action);
    if (limit !== undefined)
      goals.push(atMost(`${row.action} operations`, +(row.reads.max + row.writes.max).toFixed(2), limit));
  }
  const steps = WRITE_PATH.reduce((sum, step) => sum + (budgetOf(step) ?? 0), 0);
  const pathBudget = +(steps + cost.lifecycle.messages * (budgetOf(OUTBOX_ROW) ?? 0)).toFixed(1);
  goals.push(
    atMost(
      "one opinion's write path, operations",
      +(cost.lifecycle.reads + cost.lifecycle.writes).toFixed(1),
      pathBudget,
    ),
  );
  return goals;
}

export async function measureCloudbaseCost(total: number): Promise<CloudbaseCost> {
  const db = createMemoryDatabase({ collections: COLLECTION_NAMES });
  const store = createCloudbaseStore(memoryCloudbaseApp(db));
  const now = Date.now();
  await fill(store, total, now);
  // Every template configured and WeChat's subscribeMessage.send answering ok (WeChat's servers
  // are the edge that cannot run here): the outbox then spends an acceptance per message, as in
  // production, and the journeys below accept the templates where the app asks for them.
  const subscribeTemplates: SubscribeTemplates = Object.fromEntries(
    (Object.keys(TEMPLATES) as TemplateKey[]).map((key) => [key, { id: `TPL-${key}` }]),
  );
  const wechat: WxOpenApi['subscribeMessage'] = { send: async () => ({ errCode: 0 }) };
  const runtime: Runtime = {
    store,
    clock: systemClock,
    config: { adminOpenids: [DEMO_CALLERS.admin], dailySubmitLimit: 1_000_000, subscribeTemplates },
    ids: nodeIds,
    ...localAdapters(mkdtempSync(join(tmpdir(), 'lianluo-cost-')), () => undefined),
    notifier: createSubscribeNotifier({ subscribeMessage: wechat } as WxOpenApi, subscribeTemplates),
  };
  setRuntime(runtime);

  const samples = new Map<string, OperationCounts[]>();
  const record = (action: string, counts: OperationCounts) => {
    const list = samples.get(action) ?? [];
    list.push({ reads: counts.reads, writes: counts.writes, documentsRead: counts.documentsRead });
    samples.set(action, list);
  };
  /** Call one action of a function as `openid`, counting only its requests. */
  async function call<T>(action: string, main: Main, openid: string, event: object): Promise<T> {
    db.resetCounts();
    const res = await main(event, context(openid));
    if (!res.ok) throw new Error(`${action}: ${res.error.code} ${res.error.message}`);
    record(action, db.counts);
    return res.data as T;
  }

  // The scheduler's daily job has opened this month's and next month's figure counters
  // (server/services/counter-opening.ts), as on any day of a deployment: measured on next month's,
  // which nothing has used yet, then the rest of this month's.
  const [, nextMonth] = monthsToOpen(now);
  db.resetCounts();
  await store.openFigureCounters(openingKeys(nextMonth!, DEMO_STATIONS, DEMO_DEPUTIES, CATEGORY_IDS), 10_000);
  record("scheduler: opening a month's figure counters", db.counts);
  await openMonthCounters(store, systemClock);

  const ROUNDS = 8;
  for (let i = 0; i < ROUNDS; i += 1) {
    const station = DEMO_STATIONS[i % DEMO_STATIONS.length]!;
    const voter = `bench-voter-${i}`;
    // The first round is a new instance's first calls, which load the reference data it then keeps.
    const cold = i === 0 ? " (a new instance's first call)" : '';
    await call(`stations.list${cold}`, stations, voter, { action: 'list' });
    await call(`stations.get${cold}`, stations, voter, { action: 'get', stationId: station.id });

    // A voter's whole journey with one new opinion, each step by the caller who takes it. The
    // 提交 tap first asks WeChat for the submit moment's templates and records the acceptances.
    const { subscribe } = await call<MeView>(`account.me${cold}`, account, voter, { action: 'me' });
    await call('account.acceptSubscriptions (voter, at 提交)', account, voter, {
      action: 'acceptSubscriptions',
      templateIds: subscribe.submit ?? [],
    });
    const submitted = await call<{ opinionId: string; assignedDeputyId?: string | null }>(
      'opinions.submit (routed)',
      opinions,
      voter,
      {
        action: 'submit',
        stationId: station.id,
        category: (['transport', 'housing', 'environment', 'health'] as const)[i % 4],
        content: '来薰路与文昌路口早晚高峰拥堵，建议优化信号灯配时。',
        requestId: `cost-${now}-${i}`,
      },
    );
    const opinionId = submitted.opinionId;
    await call('opinions.get', opinions, voter, { action: 'get', opinionId });
    const first = await call<{ nextCursor: string | null }>('opinions.mine (first page)', opinions, voter, {
      action: 'mine',
    });
    if (first.nextCursor) {
      await call('opinions.mine (next page)', opinions, voter, { action: 'mine', cursor: first.nextCursor });
    }
    const deputyId = submitted.assignedDeputyId;
    if (!deputyId) continue;
    const deputy = deputyCaller(deputyId);
    // The deputy accepts the casework moment's templates on their 待办 page: one for this case's notice.
    await call('account.acceptSubscriptions (deputy, at 待办)', account, deputy, {
      action: 'acceptSubscriptions',
      templateIds: subscribe.casework ?? [],
    });
    const inbox = await call<{ nextCursor: string | null }>('casework.inbox (deputy, first page)', casework, deputy, {
      action: 'inbox',
    });
    if (inbox.nextCursor) {
      await call('casework.inbox (deputy, next page)', casework, deputy, { action: 'inbox', cursor: inbox.nextCursor });
    }
    await call('casework.reply', casework, deputy, { action: 'reply', opinionId, content: '已联系交警部门调整配时。' });
    const staff = staffCaller(station.id);
    await call('casework.inbox (staff, overdue)', casework, staff, { action: 'inbox', filter: 'overdue' });
    await call('casework.resolve', casework, staff, { action: 'resolve', opinionId, note: '配时已调整。' });
    await call('opinions.rate', opinions, voter, { action: 'rate', opinionId, satisfaction: 'satisfied' });
  }
  const year = shanghaiDate(now).slice(0, 4);
  const period = { from: `${year}-01-01`, to: `${year}-12-31` };
  for (let i = 0; i < 3; i += 1) {
    await call('reports.stats (a year, street)', reports, DEMO_CALLERS.admin, { action: 'stats', ...period });
    await call('reports.stats (a year, by station)', reports, DEMO_CALLERS.admin, {
      action: 'stats',
      ...period,
      groupBy: 'station',
    });
  }

  // 代表述职评议 (the seed's rounds): an open round as a voter sees it, and a closed one with its
  // results and comments as the committee and as one of its deputies see them.
  for (let i = 0; i < 3; i += 1) {
    await call('evaluations.list (committee)', evaluations, DEMO_CALLERS.admin, { action: 'list' });
    await call('evaluations.get (open, voter)', evaluations, `bench-voter-${i}`, {
      action: 'get',
      roundId: 'ev-demo-open',
    });
    await call('evaluations.get (closed, committee)', evaluations, DEMO_CALLERS.admin, {
      action: 'get',
      roundId: 'ev-demo-closed',
    });
    await call('evaluations.get (closed, deputy)', evaluations, deputyCaller('d04'), {
      action: 'get',
      roundId: 'ev-demo-closed',
    });
  }

  // The scheduler's outbox pass sends what the journeys queued, 50 messages a pass.
  db.resetCounts();
  let messages = 0;
  for (;;) {
    const sent = await dispatchOutbox(store, runtime.notifier, runtime.clock);
    const n = sent.sent + sent.failed + sent.gaveUp + sent.skipped;
    if (n === 0) break;
    messages += n;
  }
  const outbox = { reads: db.counts.reads, writes: db.counts.writes };

  // The scheduler's every-minute run: the first in a slot claims it and does its jobs; the
  // others of that hour find every slot claimed and only look at the outbox. A warm instance
  // remembers the slots it saw claimed; a new one (a copy of the store: another instance) asks
  // the store once per slot.
  const runs: Array<[string, typeof runtime.store]> = [
    ['scheduler run (claims its slots)', runtime.store],
    ['scheduler run (slots already claimed)', runtime.store],
    ['scheduler run (slots already claimed, new instance)', { ...runtime.store }],
  ];
  for (const [action, store] of runs) {
    db.resetCounts();
    await runScheduledJobs({ ...runtime, store });
    record(action, db.counts);
  }

  // A voter's second opinion of the day: the day's quota document exists already. (After the
  // outbox pass: its notices are not one opinion's write path.) On the instance that counted the
  // first, which knows the document is there; then on another, already warm, which does not.
  const secondSubmit = (i: number, requestId: string) => ({
    action: 'submit',
    stationId: DEMO_STATIONS[i % DEMO_STATIONS.length]!.id,
    category: 'transport',
    content: '文昌路菜场门口的人行道被占，老人买菜只能走机动车道。',
    requestId,
  });
  const second = (i: number, label: string) =>
    call(label, opinions, `bench-voter-${i}`, secondSubmit(i, `cost-second-${now}-${i}`));
  for (let i = 0; i < 4; i += 1) await second(i, "opinions.submit (the voter's second of the day)");
  setRuntime({ ...runtime, store: createCloudbaseStore(memoryCloudbaseApp(db)) });
  // Warm as an instance that has served submits is: every part of the reference data a submit
  // reads (stations, deputies, accounts, the calendar's data) is kept.
  await opinions(secondSubmit(0, `cost-warm-up-${now}`), context('bench-warm-up'));
  for (let i = 4; i < 8; i += 1) await second(i, "opinions.submit (the voter's second of the day, another instance)");
  setRuntime(runtime);
  const stat = (values: number[]) => ({
    min: Math.min(...values),
    max: Math.max(...values),
    mean: +(values.reduce((a, b) => a + b, 0) / values.length).toFixed(1),
  });
  const rows: CostRow[] = [...samples].map(([action, list]) => ({
    action,
    calls: list.length,
    reads: stat(list.map((c) => c.reads)),
    writes: stat(list.map((c) => c.writes)),
    documentsRead: +(list.reduce((a, c) => a + c.documentsRead, 0) / list.length).toFixed(1),
  }));
  if (messages > 0) {
    rows.push({
      action: OUTBOX_ROW,
      calls: messages,
      reads: {
        min: outbox.reads / messages,
        max: outbox.reads / messages,
        mean: +(outbox.reads / messages).toFixed(2),
      },
      writes: {
        min: outbox.writes / messages,
        max: outbox.writes / messages,
        mean: +(outbox.writes / messages).toFixed(2),
      },
      documentsRead: 0,
    });
  }
  const mean = (action: string, kind: 'reads' | 'writes') => rows.find((r) => r.action === action)?.[kind].mean ?? 0;
  const perOpinionMessages = messages / (samples.get('opinions.submit (routed)')?.length ?? 1);
  const lifecycle = {
    reads: +(
      WRITE_PATH.reduce((a, p) => a + mean(p, 'reads'), 0) +
      (outbox.reads / Math.max(messages, 1)) * perOpinionMessages
    ).toFixed(1),
    writes: +(
      WRITE_PATH.reduce((a, p) => a + mean(p, 'writes'), 0) +
      (outbox.writes / Math.max(messages, 1)) * perOpinionMessages
    ).toFixed(1),
    messages: +perOpinionMessages.toFixed(1),
    calls: WRITE_PATH.length,
  };
  return { opinions: total, rule: COUNTING_RULE, rows, lifecycle };
}

/** The table the bench prints, each goal beside its row. */
export function formatCloudbaseCost(cost: CloudbaseCost, goals: GoalCheck[]): string[] {
  const range = (r: { min: number; max: number; mean: number }) =>
    r.min === r.max ? String(+r.min.toFixed(2)) : `${r.min}–${r.max}`;
  const goalFor = (label: string) => {
    const g = goals.find((c) => c.label === label);
    return g ? `${g.value} (goal ${g.goal}) ${mark(g.met)}` : '';
  };
  const lines = [
    `the real adapters (server/adapters/cloudbase) through each cloud function's entry, on the in-memory stand-in`,
    `of CloudBase's database (tests/support/memory-cloudbase), not CloudBase's servers: ${cost.rule}.`,
    `Demo street + ${cost.opinions.toLocaleString('en-US')} opinions; "operations" = the most reads + writes of any call.`,
    `${'action'.padEnd(40)}${'calls'.padStart(6)}${'reads'.padStart(8)}${'writes'.padStart(8)}${'docs/call'.padStart(11)}  operations`,
  ];
  for (const r of cost.rows) {
    lines.push(
      `${r.action.padEnd(40)}${String(r.calls).padStart(6)}${range(r.reads).padStart(8)}${range(r.writes).padStart(8)}${String(r.documentsRead).padStart(11)}  ${goalFor(`${r.action} operations`)}`,
    );
  }
  lines.push(
    `one opinion's write path (the voter's and the deputy's acceptances, submit, reply, resolve, rate, ${cost.lifecycle.messages} notices sent): ${cost.lifecycle.reads} reads + ${cost.lifecycle.writes} writes = ${goalFor("one opinion's write path, operations")}`,
    `  (its budget is the sum of its steps' budgets above. Issue #14 asked for 20 for submit, reply, resolve, rate and`,
    `  3 notices; under the rules it and the trust and production issues set those steps cannot cost less than 32:`,
    `  each call's version read and daily limit, the opinion read and written, its notice and its counter, routing's`,
    `  read, and each notice's claim, acceptance and outcome — docs/SCALING.md, "Per opinion over its life")`,
  );
  return lines;
}
