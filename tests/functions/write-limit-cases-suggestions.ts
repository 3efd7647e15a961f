import { addDays } from '../../src/domain/dates';
import { ADMIN, DEPUTY, type LocalApi } from '../support/opinion-calls';
import {
  body,
  CONTACT,
  opinionForChen,
  type Stage,
  suggestionIn,
  suggestionStreet,
  UNITS,
  WANG,
} from '../support/suggestion-calls';
import { GONE, type LimitCase } from './write-limit-case';

const street = new WeakSet<LocalApi>();

/** A 建议 at `stage` on the server, its units and deputies put in place on first use. */
async function at(api: LocalApi, stage: Stage, options: { alone?: boolean } = {}) {
  if (!street.has(api)) {
    street.add(api);
    await suggestionStreet(api);
  }
  const made = await suggestionIn(api, stage, options);
  return { suggestionId: made.id, opinionIds: made.opinionIds, due: made.view.assignment?.dueDate };
}

const ANSWER = '经现场勘查，已在该路口增设信号灯并延长行人绿灯时间至35秒。';

/** The limits of 代表建议 (suggestions.*): a call naming no 建议 counts, and finds nothing. */
export function suggestionLimitCases(): LimitCase[] {
  const gone =
    (fields: object = {}) =>
    () => ({ suggestionId: GONE, ...fields });
  const on =
    (fields: object = {}) =>
    (s: Record<string, unknown>) => ({ suggestionId: s.suggestionId, ...fields });
  return [
    {
      action: 'suggestions.draft',
      perDay: 30,
      message: '今天起草建议的次数过多，请明天再试',
      who: DEPUTY,
      setup: async (api) => {
        if (!street.has(api)) {
          street.add(api);
          await suggestionStreet(api);
        }
        return opinionForChen(api);
      },
      fill: () => body([GONE]),
      fills: 'INVALID_INPUT',
      over: (o) => body([o.opinionId as string]),
    },
    {
      action: 'suggestions.edit',
      perDay: 100,
      message: '今天修改建议的次数过多，请明天再试',
      who: DEPUTY,
      setup: (api) => at(api, 'draft'),
      fill: () => ({ suggestionId: GONE, ...body([GONE]) }),
      fills: 'NOT_FOUND',
      over: (s) => ({
        suggestionId: s.suggestionId,
        ...body(s.opinionIds as string[], { title: '关于环城西路口交通组织的建议' }),
      }),
    },
    {
      action: 'suggestions.cosign',
      perDay: 100,
      message: '今天确认附议的次数过多，请明天再试',
      who: WANG,
      setup: (api) => at(api, 'draft'),
      fill: gone(),
      fills: 'NOT_FOUND',
      over: on(),
    },
    {
      action: 'suggestions.submit',
      perDay: 30,
      message: '今天提交建议的次数过多，请明天再试',
      who: DEPUTY,
      setup: (api) => at(api, 'draft', { alone: true }),
      fill: gone(),
      fills: 'NOT_FOUND',
      over: on(),
    },
    {
      action: 'suggestions.withdraw',
      perDay: 30,
      message: '今天撤回建议的次数过多，请明天再试',
      who: DEPUTY,
      setup: (api) => at(api, 'draft'),
      fill: gone({ reason: '另行提出' }),
      fills: 'NOT_FOUND',
      over: on({ reason: '另行提出' }),
    },
    {
      action: 'suggestions.decline',
      perDay: 100,
      message: '今天不予立案的次数过多，请明天再试',
      who: ADMIN,
      setup: (api) => at(api, 'submitted'),
      fill: gone({ ground: 'no_substance', note: '内容不够具体' }),
      fills: 'NOT_FOUND',
      over: on({ ground: 'no_substance', note: '内容不够具体' }),
    },
    {
      action: 'suggestions.assign',
      perDay: 100,
      message: '今天交办建议的次数过多，请明天再试',
      who: ADMIN,
      setup: (api) => at(api, 'submitted'),
      fill: gone({ leadUnitId: UNITS.traffic.id }),
      fills: 'NOT_FOUND',
      over: on({ leadUnitId: UNITS.traffic.id }),
    },
    {
      action: 'suggestions.requestReturn',
      perDay: 30,
      message: '今天申请退回的次数过多，请明天再试',
      who: CONTACT.traffic,
      setup: (api) => at(api, 'assigned'),
      fill: gone({ reason: '不属我局职责范围' }),
      fills: 'NOT_FOUND',
      over: on({ reason: '不属我局职责范围' }),
    },
    {
      action: 'suggestions.ruleReturn',
      perDay: 100,
      message: '今天处理退回的次数过多，请明天再试',
      who: ADMIN,
      setup: (api) => at(api, 'returned'),
      fill: gone({ decision: 'refuse', note: '仍由原单位办理' }),
      fills: 'NOT_FOUND',
      over: on({ decision: 'refuse', note: '仍由原单位办理' }),
    },
    {
      action: 'suggestions.extend',
      perDay: 100,
      message: '今天延期的次数过多，请明天再试',
      who: ADMIN,
      setup: (api) => at(api, 'assigned'),
      fill: gone({ dueDate: '2030-01-01', reason: '需要编制预算' }),
      fills: 'NOT_FOUND',
      over: (s) => ({ suggestionId: s.suggestionId, dueDate: addDays(s.due as string, 10), reason: '需要编制预算' }),
    },
    {
      action: 'suggestions.coView',
      perDay: 100,
      message: '今天提交协办意见的次数过多，请明天再试',
      who: CONTACT.housing,
      setup: (api) => at(api, 'assigned'),
      fill: gone({ content: '同意主办单位意见，配合做好人行道改造。' }),
      fills: 'NOT_FOUND',
      over: on({ content: '同意主办单位意见，配合做好人行道改造。' }),
    },
    {
      action: 'suggestions.answer',
      perDay: 100,
      message: '今天答复建议的次数过多，请明天再试',
      who: CONTACT.traffic,
      setup: (api) => at(api, 'assigned'),
      fill: gone({ answerClass: 'A', content: ANSWER }),
      fills: 'NOT_FOUND',
      over: on({ answerClass: 'A', content: ANSWER }),
    },
    {
      action: 'suggestions.feedback',
      perDay: 100,
      message: '今天征询意见的次数过多，请明天再试',
      who: DEPUTY,
      setup: (api) => at(api, 'answered'),
      fill: gone({ satisfaction: 'satisfied' }),
      fills: 'NOT_FOUND',
      over: on({ satisfaction: 'satisfied' }),
    },
    {
      action: 'suggestions.fulfil',
      perDay: 100,
      message: '今天报告落实情况的次数过多，请明天再试',
      who: CONTACT.traffic,
      setup: async (api) => {
        const s = await at(api, 'assigned');
        await api.callAs(CONTACT.traffic, 'suggestions.answer', {
          suggestionId: s.suggestionId,
          answerClass: 'B',
          content: ANSWER,
          plannedDate: '2030-12-31',
        });
        return s;
      },
      fill: gone({ note: '信号灯已安装' }),
      fills: 'NOT_FOUND',
      over: on({ note: '信号灯已安装' }),
    },
    {
      action: 'suggestions.supervise',
      perDay: 100,
      message: '今天重点督办的次数过多，请明天再试',
      who: ADMIN,
      setup: (api) => at(api, 'submitted'),
      fill: gone({ reason: '群众反映集中' }),
      fills: 'NOT_FOUND',
      over: on({ reason: '群众反映集中' }),
    },
  ];
}
