import type { ActionContract } from '../../src/domain/actions';
import type { HandlingUnit, SuggestionStatus } from '../../src/domain/suggestion';
import type { SuggestionView } from '../../src/domain/suggestion-views';
import { ADMIN, DEPUTY, type LocalApi, submit } from './opinion-calls';

// The 代表建议 street over the API (tests/functions/suggestion-*-over-http): the demo street,
// three 承办单位 in the register with a contact each (invited by the committee, redeemed by the
// contact), and two more deputies of 青溪街道 (invited and redeemed) to co-sign. 陈建国
// (demo-deputy, d01) leads; the opinions cited are voters' transport opinions routed to him.

/** The units the committee hands 建议 to. Put in the register directly: there is no action for it. */
export const UNITS = {
  traffic: { id: 'u-traffic', name: '县交通运输局', active: true, sortOrder: 1 },
  housing: { id: 'u-housing', name: '县住房和城乡建设局', active: true, sortOrder: 2 },
  city: { id: 'u-city', name: '县综合行政执法局', active: true, sortOrder: 3 },
  water: { id: 'u-water', name: '县水利局', active: true, sortOrder: 4 },
} satisfies Record<string, HandlingUnit>;
export type UnitKey = keyof typeof UNITS;

/** Each unit's contact: the OPENID that redeemed the unit's invite. */
export const CONTACT: Record<UnitKey, string> = {
  traffic: 'unit-traffic',
  housing: 'unit-housing',
  city: 'unit-city',
  water: 'unit-water',
};

/** 王秀英 (d02) and 李志强 (d03) of 青溪街道; 陈建国 is DEPUTY. */
export const WANG = 'deputy-wang';
export const LI = 'deputy-li';

/** Register the units, invite and link their contacts and the two deputies: once per server. */
export async function suggestionStreet(api: LocalApi): Promise<void> {
  for (const unit of Object.values(UNITS)) {
    await api.store.putHandlingUnit(unit, {
      at: 0,
      actor: 'test',
      action: 'test.unit',
      targetType: 'unit',
      targetId: unit.id,
    });
  }
  for (const key of Object.keys(UNITS) as UnitKey[]) {
    const { code } = await api.callAs(ADMIN, 'casework.issueInvite', { role: 'unit', unitId: UNITS[key].id });
    await api.callAs(CONTACT[key], 'account.redeemInvite', { code });
  }
  for (const [openid, deputyId] of [
    [WANG, 'd02'],
    [LI, 'd03'],
  ] as const) {
    const { code } = await api.callAs(ADMIN, 'casework.issueInvite', { role: 'deputy', deputyId });
    await api.callAs(openid, 'account.redeemInvite', { code });
  }
}

let voters = 0;

/** A fresh voter's transport opinion at 青溪街道, routed to 陈建国: its id and the voter. */
export async function opinionForChen(api: LocalApi): Promise<{ opinionId: string; voter: string }> {
  voters += 1;
  const voter = `voter-sg-${voters}`;
  const { opinionId } = await submit(api, voter, {
    content: `第${voters}处：环城西路与文昌路交叉口早晚高峰拥堵严重，行人过街很危险，建议增设信号灯。`,
    contact: { name: `张${voters}`, phone: `1380000${String(voters).padStart(4, '0')}` },
    consent: true,
  });
  return { opinionId: opinionId as string, voter };
}

type DraftInput = ActionContract['suggestions.draft']['input'];

/** A valid draft body citing `opinionIds`. */
export function body(opinionIds: string[], fields: Partial<DraftInput> = {}): DraftInput {
  return {
    title: '关于环城西路口增设信号灯的建议',
    reason: '环城西路与文昌路交叉口早晚高峰拥堵严重，多位选民反映行人过街危险。',
    content: '建议县交通运输局在该路口增设信号灯，并延长行人绿灯时间，设置护学岗。',
    category: 'transport',
    opinionIds,
    coSignerIds: [],
    ...fields,
  };
}

export type Stage = Exclude<SuggestionStatus, 'returned'> | 'returned';

export interface Made {
  id: string;
  opinionIds: string[];
  voters: string[];
  view: SuggestionView;
}

/**
 * A 建议 of 陈建国 from two fresh opinions (王秀英 co-signs unless `alone`), brought to `stage`
 * through the real actions: assigned to 交通局 (主办) and 住建局 (协办); answered class A.
 */
export async function suggestionIn(
  api: LocalApi,
  stage: Stage,
  { alone = false, lead = 'traffic' as UnitKey } = {},
): Promise<Made> {
  const sources = [await opinionForChen(api), await opinionForChen(api)];
  const opinionIds = sources.map((s) => s.opinionId);
  let view = await api.callAs(DEPUTY, 'suggestions.draft', body(opinionIds, { coSignerIds: alone ? [] : ['d02'] }));
  const id = view.id;
  const made = () => ({ id, opinionIds, voters: sources.map((s) => s.voter), view });
  if (stage === 'draft') return made();
  if (!alone) view = await api.callAs(WANG, 'suggestions.cosign', { suggestionId: id });
  if (stage === 'withdrawn') {
    view = await api.callAs(DEPUTY, 'suggestions.withdraw', { suggestionId: id, reason: '拟合并到另一件建议' });
    return made();
  }
  view = await api.callAs(DEPUTY, 'suggestions.submit', { suggestionId: id });
  if (stage === 'submitted') return made();
  if (stage === 'declined') {
    view = await api.callAs(ADMIN, 'suggestions.decline', {
      suggestionId: id,
      ground: 'personal_matter',
      note: '属于个人事务，请通过信访渠道反映',
    });
    return made();
  }
  view = await api.callAs(ADMIN, 'suggestions.assign', {
    suggestionId: id,
    leadUnitId: UNITS[lead].id,
    coUnitIds: lead === 'housing' ? [] : [UNITS.housing.id],
  });
  if (stage === 'assigned') return made();
  if (stage === 'returned') {
    view = await api.callAs(CONTACT[lead], 'suggestions.requestReturn', {
      suggestionId: id,
      reason: '该路口属于市政道路，不属我局管养范围',
    });
    return made();
  }
  view = await api.callAs(CONTACT[lead], 'suggestions.answer', {
    suggestionId: id,
    answerClass: 'A',
    content: '经现场勘查，已于本月在该路口增设信号灯并延长行人绿灯时间至35秒。',
  });
  if (stage === 'answered') return made();
  if (stage === 'redo') {
    view = await api.callAs(DEPUTY, 'suggestions.feedback', {
      suggestionId: id,
      satisfaction: 'dissatisfied',
      comment: '护学岗没有落实',
    });
    return made();
  }
  view = await api.callAs(DEPUTY, 'suggestions.feedback', { suggestionId: id, satisfaction: 'satisfied' });
  return made();
}

/**
 * Everything a change of a 建议 writes: the stored 建议 (version included), its audit lines, the
 * timelines of its source opinions and every outbox message.
 */
export async function suggestionWorld(api: LocalApi, made: Pick<Made, 'id' | 'opinionIds'>) {
  return {
    stored: await api.store.getSuggestion(made.id),
    audit: await api.store.listAudit('suggestion', made.id),
    timelines: await Promise.all(made.opinionIds.map((id) => api.store.listTimeline(id))),
    outbox: await api.store.listOutbox(10_000),
  };
}
