import {
  DEPUTY,
  newRequestId,
  ok,
  opinionIn,
  rate,
  reply,
  resolve,
  STAFF,
  submit,
  TRAFFIC,
} from '../support/opinion-calls';
import { GONE, type LimitCase } from './write-limit-case';

const NOTE = '已电话联系选民，约定周五现场查看';

/** The limits of a voter's own opinions (opinions.*) and of case handling (casework.*). */
export function caseworkLimitCases(): LimitCase[] {
  return [
    {
      action: 'opinions.withdraw',
      perDay: 30,
      message: '今天撤回意见的次数过多，请明天再试',
      who: 'limits-withdrawer',
      setup: (api) => submit(api, 'limits-withdrawer'),
      fill: () => ({ opinionId: GONE }),
      fills: 'NOT_FOUND',
      over: (o) => ({ opinionId: o.opinionId }),
    },
    {
      action: 'opinions.eraseContact',
      perDay: 30,
      message: '今天删除联系方式的次数过多，请明天再试',
      who: 'limits-eraser',
      setup: (api) =>
        submit(api, 'limits-eraser', { contact: { name: '张桂英', phone: '13805741234' }, consent: true }),
      fill: () => ({ opinionId: GONE }),
      fills: 'NOT_FOUND',
      over: (o) => ({ opinionId: o.opinionId }),
    },
    {
      action: 'opinions.rate',
      perDay: 30,
      message: '今天评价意见的次数过多，请明天再试',
      who: 'limits-rater',
      setup: async (api) => ({ opinionId: await opinionIn(api, 'resolved', 'limits-rater') }),
      fill: () => ({ opinionId: GONE, satisfaction: 'satisfied' }),
      fills: 'NOT_FOUND',
      over: (o) => ({ opinionId: o.opinionId, satisfaction: 'satisfied' }),
    },
    {
      action: 'opinions.support',
      perDay: 30,
      message: '今天附议的次数过多，请明天再试',
      who: 'limits-supporter',
      setup: (api) => submit(api, 'limits-supported-author'),
      fill: () => ({ opinionId: GONE }),
      fills: 'NOT_FOUND',
      over: (o) => ({ opinionId: o.opinionId }),
    },
    {
      action: 'opinions.claim',
      perDay: 10,
      message: '今天尝试次数过多，请明天再试或联系联络站工作人员',
      who: 'limits-claimer',
      setup: (api) =>
        ok(api, STAFF, 'casework', 'intake', {
          category: 'housing',
          content: TRAFFIC,
          requestId: newRequestId('walk'),
        }),
      fill: () => ({ claimCode: 'ABCD2345' }),
      fills: 'NOT_FOUND',
      over: (o) => ({ claimCode: o.claimCode }),
    },
    {
      action: 'casework.reply',
      perDay: 100,
      message: '今天答复的次数过多，请明天再试',
      who: DEPUTY,
      setup: (api) => submit(api, 'limits-voter-reply'),
      fill: () => ({ opinionId: GONE, content: '已与有关部门联系，正在处理。' }),
      fills: 'NOT_FOUND',
      over: (o) => ({ opinionId: o.opinionId, content: '已与有关部门联系，本月内处理完毕。' }),
    },
    {
      action: 'casework.transfer',
      perDay: 100,
      message: '今天转承办单位的次数过多，请明天再试',
      who: DEPUTY,
      setup: (api) => submit(api, 'limits-voter-transfer'),
      fill: (i, o) => ({ opinionId: o.opinionId, unit: `县交通运输局${i}科`, expectedDate: '2026-12-31' }),
      fills: 'ok',
      over: (o) => ({ opinionId: o.opinionId, unit: '县交通运输局', expectedDate: '2026-12-31' }),
    },
    {
      action: 'casework.note',
      perDay: 100,
      message: '今天添加内部备注的次数过多，请明天再试',
      who: STAFF,
      setup: (api) => submit(api, 'limits-voter-note'),
      fill: (i, o) => ({ opinionId: o.opinionId, text: `${NOTE}（${i}）` }),
      fills: 'ok',
      over: (o) => ({ opinionId: o.opinionId, text: NOTE }),
    },
    {
      action: 'casework.assign',
      perDay: 200,
      message: '今天分派意见的次数过多，请明天再试',
      who: STAFF,
      setup: (api) => submit(api, 'limits-voter-assign'),
      fill: (i, o) => ({ opinionId: o.opinionId, deputyId: i % 2 === 0 ? 'd03' : 'd02' }),
      fills: 'ok',
      over: (o) => ({ opinionId: o.opinionId, deputyId: 'd01' }),
    },
    {
      action: 'casework.resolve',
      perDay: 200,
      message: '今天确认办结的次数过多，请明天再试',
      who: STAFF,
      setup: async (api) => ({ opinionId: await opinionIn(api, 'replied', 'limits-voter-resolve') }),
      fill: () => ({ opinionId: GONE, note: '已办结' }),
      fills: 'NOT_FOUND',
      over: (o) => ({ opinionId: o.opinionId, note: '信号灯已安装到位' }),
    },
    {
      action: 'casework.reject',
      perDay: 200,
      message: '今天不予受理的次数过多，请明天再试',
      who: STAFF,
      setup: (api) => submit(api, 'limits-voter-reject'),
      fill: () => ({ opinionId: GONE, kind: 'out_of_remit', reason: '不属于受理范围' }),
      fills: 'NOT_FOUND',
      over: (o) => ({ opinionId: o.opinionId, kind: 'out_of_remit', reason: '该路段属于省道，已告知选民反映渠道' }),
    },
    {
      action: 'casework.release',
      perDay: 200,
      message: '今天审核通过的次数过多，请明天再试',
      who: STAFF,
      setup: async (api) => ({ opinionId: await opinionIn(api, 'held', 'limits-voter-release') }),
      fill: () => ({ opinionId: GONE }),
      fills: 'NOT_FOUND',
      over: (o) => ({ opinionId: o.opinionId }),
    },
    {
      action: 'casework.close',
      perDay: 200,
      message: '今天复核结案的次数过多，请明天再试',
      who: STAFF,
      setup: async (api) => {
        // Two 不满意 in a row send it to the staff's review.
        const opinionId = await opinionIn(api, 'resolved', 'limits-voter-close');
        await rate(api, 'limits-voter-close', opinionId, 'dissatisfied');
        await reply(api, opinionId);
        await resolve(api, opinionId);
        await rate(api, 'limits-voter-close', opinionId, 'dissatisfied');
        return { opinionId };
      },
      fill: () => ({ opinionId: GONE, note: '复核后结案' }),
      fills: 'NOT_FOUND',
      over: (o) => ({ opinionId: o.opinionId, note: '复核后结案，已向选民说明' }),
    },
    {
      action: 'casework.intake',
      perDay: 100,
      message: '今天代为登记的次数过多，请明天再试',
      who: STAFF,
      fill: (i) => ({ category: 'transport', content: `第${i}位选民：${TRAFFIC}`, requestId: newRequestId('walk') }),
      fills: 'ok',
      over: () => ({ category: 'transport', content: TRAFFIC, requestId: 'limits-intake-over' }),
    },
    {
      action: 'casework.issueInvite',
      perDay: 30,
      message: '今天发放邀请码的次数过多，请明天再试',
      who: STAFF,
      fill: () => ({ role: 'deputy', deputyId: 'd03' }),
      fills: 'ok',
      over: () => ({ role: 'deputy', deputyId: 'd03' }),
    },
  ];
}
