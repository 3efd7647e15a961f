import type { ActionContract } from '../../src/domain/actions';
import { ADMIN, DEPUTY, type LocalApi } from './opinion-calls';

// The 履职 street over the API (tests/functions/activity-*-over-http): the demo street with two
// 人大小组 the committee sets up. 青溪城区组: 陈建国 (demo-deputy, d01), 王秀英 (d02, its 组长) and
// 李志强 (d03) of 青溪街道; 文昌组: 张丽华 (d04, its 组长) and 刘海涛 (d05) of 文昌新村.

/** 王秀英 (d02), 组长 of 青溪城区组; 李志强 (d03), a member (the same accounts as suggestion-calls.ts); 张丽华 (d04), 组长 of 文昌组. */
export const WANG = 'deputy-wang';
export const LI = 'deputy-li';
export const ZHANG = 'lz-deputy-zhang';
/** Staff of 文昌新村联络站 (demo-staff works at 青溪街道). */
export const STAFF_WENCHANG = 'lz-staff-wenchang';
/** A 承办单位 contact and a voter: neither has any part in 履职. */
export const UNIT = 'lz-unit';
export const VOTER = 'lz-voter';

export const EAST = 'g-east';
export const WEST = 'g-west';

/** Link the accounts and set up the two groups through activities.setGroup: once per server. */
export async function activityStreet(api: LocalApi): Promise<void> {
  const audit = { at: 0, actor: 'test', action: 'test.account', targetType: 'account', targetId: 'x' };
  const accounts = [
    { openid: WANG, role: 'deputy' as const, stationId: 'qx-jiedao', deputyId: 'd02' },
    { openid: LI, role: 'deputy' as const, stationId: 'qx-jiedao', deputyId: 'd03' },
    { openid: ZHANG, role: 'deputy' as const, stationId: 'qx-wenchang', deputyId: 'd04' },
    { openid: STAFF_WENCHANG, role: 'staff' as const, stationId: 'qx-wenchang' },
  ];
  for (const a of accounts) {
    // A deputy has one account: suggestionStreet may have linked theirs already.
    if (a.deputyId && (await api.store.getAccountByDeputy(a.deputyId))) continue;
    await api.store.putAccount({ ...a, createdAt: 0 }, audit);
  }
  await api.store.putHandlingUnit({ id: 'u-lz', name: '县交通运输局', active: true, sortOrder: 1 }, audit);
  await api.store.putAccount({ openid: UNIT, role: 'unit', unitId: 'u-lz', createdAt: 0 }, audit);
  await api.callAs(ADMIN, 'activities.setGroup', {
    groupId: EAST,
    name: '青溪城区组',
    area: '青溪城区',
    memberDeputyIds: ['d01', 'd02', 'd03'],
    leaderDeputyId: 'd02',
  });
  await api.callAs(ADMIN, 'activities.setGroup', {
    groupId: WEST,
    name: '文昌组',
    area: '文昌新村',
    memberDeputyIds: ['d04', 'd05'],
    leaderDeputyId: 'd04',
  });
}

type RecordInput = ActionContract['activities.record']['input'];

/** The committee's 执法检查 of 县交通运输局 with 陈建国, 王秀英 and 李志强 invited. */
export function inspection(fields: Partial<RecordInput> = {}): RecordInput {
  return {
    kind: 'law_enforcement_inspection',
    title: '《道路交通安全法》执法检查',
    date: '2026-03-10',
    place: '县交通运输局',
    subject: '县交通运输局',
    deputyIds: ['d01', 'd02', 'd03'],
    suggestionIds: [],
    opinionIds: [],
    outcome: '检查发现城区路口信号配时不合理，建议交通部门优化。',
    ...fields,
  };
}

/** 青溪城区组's 片区座谈会, as its 组长 records it. */
export function groupForum(fields: Partial<RecordInput> = {}): RecordInput {
  return {
    kind: 'liaison_forum',
    title: '青溪城区片区座谈会',
    date: '2026-03-12',
    place: '青溪街道联络站',
    groupId: EAST,
    deputyIds: ['d01', 'd02', 'd03'],
    suggestionIds: [],
    opinionIds: [],
    ...fields,
  };
}

/** A deputy's own 走访选民 of `voters` people. */
export function visit(voters: number, fields: Partial<RecordInput> = {}): RecordInput {
  return {
    kind: 'voter_visit',
    title: '走访环城西路沿街住户',
    date: '2026-03-15',
    place: '环城西路',
    votersVisited: voters,
    deputyIds: [],
    suggestionIds: [],
    opinionIds: [],
    outcome: '住户反映夜间货车噪音扰民。',
    ...fields,
  };
}

/** A visit of 陈建国 (demo-deputy) that the staff of 青溪街道 confirmed. */
export async function confirmedVisit(api: LocalApi, voters: number, fields: Partial<RecordInput> = {}) {
  const recorded = await api.callAs(DEPUTY, 'activities.record', visit(voters, fields));
  return api.callAs('demo-staff', 'activities.review', { activityId: recorded.id, confirm: true });
}

/** The error code of a call, or 'ok'. */
export async function codeOf<N extends keyof ActionContract>(
  api: LocalApi,
  openid: string | undefined,
  name: N,
  input: ActionContract[N]['input'],
): Promise<string> {
  const { body } = await api.answerAs(openid, name, input);
  return body.ok ? 'ok' : body.error.code;
}
