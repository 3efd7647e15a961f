import { ADMIN, DEPUTY, type LocalApi, STAFF } from '../support/opinion-calls';
import { inspection, visit } from '../support/activity-calls';
import { GONE, type LimitCase } from './write-limit-case';

/** A fresh activity for the call over the limit: the committee's 执法检查, or 陈建国's pending visit. */
const inspectionOf = async (api: LocalApi) => ({
  activityId: (await api.callAs(ADMIN, 'activities.record', inspection())).id,
});
const visitOf = async (api: LocalApi) => ({ activityId: (await api.callAs(DEPUTY, 'activities.record', visit(6))).id });

/** The limits of 履职 (activities.*): a call naming no activity counts, and finds nothing. */
export function activityLimitCases(): LimitCase[] {
  return [
    {
      action: 'activities.record',
      perDay: 50,
      message: '今天登记履职活动的次数过多，请明天再试',
      who: DEPUTY,
      fill: () => visit(6, { followsActivityId: GONE }),
      fills: 'INVALID_INPUT',
      over: () => visit(6),
    },
    {
      action: 'activities.markAttendance',
      perDay: 300,
      message: '今天登记出席情况的次数过多，请明天再试',
      who: ADMIN,
      setup: inspectionOf,
      fill: () => ({ activityId: GONE, deputyId: 'd01', attendance: 'present' }),
      fills: 'NOT_FOUND',
      over: (s) => ({ activityId: s.activityId, deputyId: 'd01', attendance: 'present' }),
    },
    {
      action: 'activities.review',
      perDay: 200,
      message: '今天确认走访的次数过多，请明天再试',
      who: STAFF,
      setup: visitOf,
      fill: () => ({ activityId: GONE, confirm: true }),
      fills: 'NOT_FOUND',
      over: (s) => ({ activityId: s.activityId, confirm: true }),
      renew: visitOf,
    },
    {
      action: 'activities.setGroup',
      perDay: 50,
      message: '今天设置人大小组的次数过多，请明天再试',
      who: ADMIN,
      fill: () => ({ groupId: 'g-limit', name: '限额组', area: '青溪城区', memberDeputyIds: [GONE] }),
      fills: 'INVALID_INPUT',
      over: () => ({ groupId: 'g-limit', name: '限额组', area: '青溪城区', memberDeputyIds: ['d01'] }),
    },
    {
      action: 'activities.setMinAttendance',
      perDay: 20,
      message: '今天设置出席率要求的次数过多，请明天再试',
      who: ADMIN,
      fill: () => ({ minAttendance: 0.6 }),
      fills: 'ok',
      over: () => ({ minAttendance: 0.7 }),
    },
  ];
}
