import type { ActionContract } from '../../src/domain/actions';
import type { Satisfaction } from '../../src/domain/opinion';
import type { startLocalApi } from './local-api';

/** The local server of tests/support/local-api.ts. */
export type LocalApi = Awaited<ReturnType<typeof startLocalApi>>;

/** The demo callers the seed creates (docs/DESIGN.md, Who uses it). */
export const VOTER = 'demo-voter';
export const DEPUTY = 'demo-deputy'; // 陈建国 (d01) of 青溪街道
export const STAFF = 'demo-staff'; // 林晓燕, staff of 青溪街道
export const ADMIN = 'demo-admin';

export const STAFF_NAME = '青溪街道联络站 林晓燕';

export const TRAFFIC = '环城西路与文昌路交叉口早晚高峰拥堵严重，行人过街很危险，建议增设左转信号灯并延长行人绿灯时间。';
export const SCHOOL = '青溪中心小学放学时段校门口接送车辆乱停，希望增加护学岗并规划临时停车区。';
export const REPLY = '已与县交警大队现场查看，计划下月在该路口增设左转信号灯，行人绿灯延长至35秒。';

let counter = 0;

/** A fresh idempotency key, as the app makes one per submit attempt. */
export function newRequestId(label = 'req'): string {
  counter += 1;
  return `${label}-${String(counter).padStart(8, '0')}`;
}

/** A valid opinions.submit payload: a transport opinion at 青溪街道, which the rule routes to 陈建国. */
export function draft(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { stationId: 'qx-jiedao', category: 'transport', content: TRAFFIC, requestId: newRequestId(), ...overrides };
}

/** Call `fn.action` as `openid` and return the HTTP status and envelope. */
export function call(api: LocalApi, openid: string | undefined, fn: string, action: string, fields = {}) {
  return api.post(fn, { action, ...fields }, openid);
}

/** What `fn.action` answers, as its table declares it. */
type OutputOf<F extends string, A extends string> = `${F}.${A}` extends keyof ActionContract
  ? ActionContract[`${F}.${A}`]['output']
  : never;

/**
 * Call and insist on success: the data, typed as the action's table declares it. The fields are
 * not checked against the schema here (tests also build them from parts); `api.callAs` checks both.
 */
export async function ok<F extends string, A extends string>(
  api: LocalApi,
  openid: string,
  fn: F,
  action: A & (`${F}.${A}` extends keyof ActionContract ? A : never),
  fields = {},
): Promise<OutputOf<F, A>> {
  const { body } = await call(api, openid, fn, action, fields);
  if (!body.ok) throw new Error(`${fn}.${action} by ${openid} failed: ${JSON.stringify(body.error)}`);
  return body.data as OutputOf<F, A>;
}

export const submit = (api: LocalApi, openid: string, overrides: Record<string, unknown> = {}) =>
  ok(api, openid, 'opinions', 'submit', draft(overrides));

export const view = (api: LocalApi, openid: string, opinionId: string) =>
  api.callAs(openid, 'opinions.get', { opinionId });

export const reply = (api: LocalApi, opinionId: string, content = REPLY) =>
  api.callAs(DEPUTY, 'casework.reply', { opinionId, content });

export const resolve = (api: LocalApi, opinionId: string, note = '信号灯已安装到位，现场回访选民确认') =>
  api.callAs(STAFF, 'casework.resolve', { opinionId, note });

export const rate = (api: LocalApi, openid: string, opinionId: string, satisfaction: Satisfaction) =>
  api.callAs(openid, 'opinions.rate', { opinionId, satisfaction });

export type Reachable =
  'held' | 'assigned' | 'transferred' | 'replied' | 'resolved' | 'closed' | 'withdrawn' | 'rejected';

/**
 * An opinion of `voter` at 青溪街道 (routed to 陈建国 unless held), brought to `status` through
 * the real actions.
 */
export async function opinionIn(api: LocalApi, status: Reachable, voter: string): Promise<string> {
  if (status === 'held') {
    const held = await submit(api, voter, {
      category: 'housing',
      content: '楼上邻居天天半夜装修，吵得人想去死，物业也不管，希望代表帮忙协调。',
    });
    return held.opinionId as string;
  }
  const { opinionId } = await submit(api, voter);
  if (status === 'withdrawn') await ok(api, voter, 'opinions', 'withdraw', { opinionId });
  if (status === 'rejected') {
    await ok(api, STAFF, 'casework', 'reject', {
      opinionId,
      kind: 'out_of_remit',
      reason: '该路段属于省道，由省交通运输厅管理，已告知选民反映渠道',
    });
  }
  if (status === 'transferred') {
    await ok(api, DEPUTY, 'casework', 'transfer', { opinionId, unit: '县交通运输局', expectedDate: '2026-03-31' });
  }
  if (['replied', 'resolved', 'closed'].includes(status)) await reply(api, opinionId);
  if (['resolved', 'closed'].includes(status)) await resolve(api, opinionId);
  if (status === 'closed') await rate(api, voter, opinionId, 'satisfied');
  return opinionId;
}

/**
 * Everything a change would show: the stored opinion (version included), its timeline and
 * outbox lines, and how the committee sees it over the API.
 */
export async function snapshot(api: LocalApi, opinionId: string) {
  return {
    stored: await api.store.getOpinion(opinionId),
    timeline: await api.store.listTimeline(opinionId),
    outbox: (await api.store.listOutbox(10_000)).filter((m) => m.subjectId === opinionId),
    asAdmin: await view(api, ADMIN, opinionId),
  };
}

/** Row counts of the tables a stray write would touch. */
export function tableCounts(api: LocalApi) {
  const count = (table: string) =>
    (api.store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    opinions: count('opinions'),
    events: count('opinion_events'),
    outbox: count('outbox'),
    invites: count('invites'),
    audit: count('audit_log'),
  };
}
