import { addDays } from '../../src/domain/dates';
import { ADMIN, ok, STAFF } from '../support/opinion-calls';
import { GONE, type LimitCase } from './write-limit-case';

/** The limits of stations, accounts, 述职评议 and reports; `today` is the test clock's day. */
export function stationAndAdminLimitCases(today: () => string): LimitCase[] {
  const arrangement = { year: 2030, holidays: [{ date: '2030-10-01', name: '国庆节' }], workdays: [] };
  const round = (district: string) => ({
    district,
    opensOn: today(),
    closesOn: addDays(today(), 20),
    periodFrom: addDays(today(), -300),
    periodTo: today(),
  });
  const SESSION = { stationId: 'qx-jiedao', month: '2026-12' };
  return [
    {
      action: 'stations.follow',
      perDay: 50,
      message: '今天关注和取消关注的次数过多，请明天再试',
      who: 'limits-follower',
      fill: (i) => ({ stationId: 'qx-jiedao', follow: i % 2 === 0 }),
      fills: 'ok',
      over: () => ({ stationId: 'qx-jiedao', follow: true }),
    },
    {
      action: 'stations.setSession',
      perDay: 200,
      message: '今天安排接待日的次数过多，请明天再试',
      who: STAFF,
      fill: (i) => ({ ...SESSION, theme: `第${i}次调整主题` }),
      fills: 'ok',
      over: () => ({ ...SESSION, theme: '剿劣治水' }),
    },
    {
      action: 'stations.setHolidayArrangement',
      perDay: 20,
      message: '今天导入节假日安排的次数过多，请明天再试',
      who: ADMIN,
      fill: () => arrangement,
      fills: 'ok',
      over: () => arrangement,
    },
    {
      action: 'account.redeemInvite',
      perDay: 10,
      message: '今天尝试次数过多，请明天再试或联系工作人员',
      who: 'limits-redeemer',
      setup: async (api) => ok(api, ADMIN, 'casework', 'issueInvite', { role: 'staff', stationId: 'qx-laixun' }),
      fill: () => ({ code: 'ABCD2345' }),
      fills: 'NOT_FOUND',
      over: (invite) => ({ code: invite.code }),
    },
    {
      action: 'account.acceptSubscriptions',
      perDay: 50,
      message: '今天接收提醒的次数过多，请明天再试',
      who: 'limits-subscriber',
      fill: () => ({ templateIds: ['TPL-REPLY'] }),
      fills: 'ok',
      over: () => ({ templateIds: ['TPL-REPLY', 'TPL-OUTCOME'] }),
    },
    {
      action: 'account.erase',
      perDay: 5,
      message: '今天删除个人信息的次数过多，请明天再试',
      who: 'limits-leaver',
      fill: () => ({}),
      fills: 'ok',
      over: () => ({}),
    },
    {
      action: 'evaluations.rate',
      perDay: 100,
      message: '今天评议代表的次数过多，请明天再试',
      who: 'limits-evaluator',
      setup: async (api) => {
        await ok(api, 'limits-evaluator', 'evaluations', 'setDistrict', { district: '第二选区' });
        return ok(api, STAFF, 'evaluations', 'open', round('第二选区'));
      },
      fill: (_i, r) => ({ roundId: r.id, deputyId: 'd99', satisfaction: 'satisfied' }),
      fills: 'NOT_FOUND',
      over: (r) => ({ roundId: r.id, deputyId: 'd03', satisfaction: 'satisfied' }),
    },
    {
      action: 'evaluations.setDistrict',
      perDay: 5,
      message: '今天更改选区的次数过多，请明天再试',
      who: 'limits-mover',
      fill: (i) => ({ district: i % 2 === 0 ? '第一选区' : '第二选区' }),
      fills: 'ok',
      over: () => ({ district: '第三选区' }),
    },
    {
      action: 'evaluations.open',
      perDay: 30,
      message: '今天发起评议的次数过多，请明天再试',
      who: ADMIN,
      fill: () => round('第九选区'),
      fills: 'INVALID_INPUT',
      over: () => round('第四选区'),
    },
    {
      action: 'evaluations.close',
      perDay: 30,
      message: '今天结束评议的次数过多，请明天再试',
      who: ADMIN,
      setup: (api) => ok(api, ADMIN, 'evaluations', 'open', round('第五选区')),
      fill: () => ({ roundId: GONE }),
      fills: 'NOT_FOUND',
      over: (r) => ({ roundId: r.id }),
    },
    {
      action: 'reports.annualReport',
      perDay: 20,
      message: '今天生成年度报告的次数过多，请明天再试',
      who: ADMIN,
      fill: () => ({ year: 2099 }),
      fills: 'INVALID_INPUT',
      over: () => ({ year: 2026 }),
    },
    {
      action: 'reports.download',
      perDay: 100,
      message: '今天下载文件的次数过多，请明天再试',
      who: STAFF,
      // Another caller's (or no) file: refused as NOT_FOUND, counted all the same.
      fill: () => ({ fileId: 'local-files/opinions-2026-01-01-2026-01-31-0123456789abcdef.xlsx' }),
      fills: 'NOT_FOUND',
      setup: async (api) => ok(api, STAFF, 'reports', 'exportOpinions', { from: today(), to: today() }),
      over: (file) => ({ fileId: file.fileId }),
      renew: async (api) => ok(api, STAFF, 'reports', 'exportOpinions', { from: today(), to: today() }),
    },
    {
      action: 'reports.exportOpinions',
      perDay: 30,
      message: '今天导出意见的次数过多，请明天再试',
      who: STAFF,
      fill: () => ({ from: today(), to: today() }),
      fills: 'ok',
      over: () => ({ from: '2026-01-01', to: today() }),
    },
    {
      action: 'reports.migrate',
      perDay: 200,
      message: '今天升级数据的次数过多，请明天再试',
      who: ADMIN,
      fill: () => ({}),
      fills: 'ok',
      over: () => ({}),
    },
    {
      action: 'reports.recount',
      perDay: 200,
      message: '今天核对统计的次数过多，请明天再试',
      who: ADMIN,
      fill: () => ({ month: '2026-03' }),
      fills: 'ok',
      over: () => ({ month: '2026-03', repair: true }),
    },
  ];
}
