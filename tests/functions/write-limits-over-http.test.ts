import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { addDays, shanghaiDate } from '../../src/domain/dates';
import { WRITE_LIMITS } from '../../src/domain/write-limits';
import { withVoterTemplates } from '../support/test-runtime';
import { FIXED_NOW, startLocalApi } from '../support/local-api';
import {
  ADMIN,
  call,
  DEPUTY,
  type LocalApi,
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

// Every action that writes has a limit per caller and Asia/Shanghai day (docs/API.md, Limits):
// far above what a voter, deputy or staff member does in a day, so that only a script repeating
// the action meets it. Every call that passes the action's schema counts, whatever it answers.
// The call over the limit is RATE_LIMITED (HTTP 429) and writes nothing; the next day the same
// call goes through.

const DAY = 24 * 60 * 60 * 1000;
const GONE = 'no-such-thing';

let now = FIXED_NOW;
let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi({ now: () => now });
  // Two WeChat templates, so that accepting subscriptions can succeed.
  await withVoterTemplates();
});
afterAll(() => api.stop());

const today = () => shanghaiDate(now);

/** Everything a call could write: every table but the limits' own counts, and the stored files. */
function everything() {
  const tables = (
    api.store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'quotas'").all() as Array<{
      name: string;
    }>
  ).map((t) => t.name);
  const rows = Object.fromEntries(
    tables.map((t) => [t, JSON.stringify(api.store.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())]),
  );
  let files: string[] = [];
  try {
    files = readdirSync(join(dirname(api.store.db.name), 'files'));
  } catch {
    // No file stored yet.
  }
  return { rows, files };
}

interface LimitCase {
  action: string;
  perDay: number;
  message: string;
  who: string;
  /** Run on the day before: what the call over the limit needs (an opinion, a round …). */
  setup?: () => Promise<object>;
  /** The i-th of the day's calls up to the limit, and the answer it gets (its error code, or ok). */
  fill: (i: number, state: Record<string, unknown>) => Record<string, unknown>;
  fills: 'ok' | string;
  /** A call that would write: over the limit it is refused; the next day it goes through. */
  over: (state: Record<string, unknown>) => Record<string, unknown>;
}

const arrangement = { year: 2030, holidays: [{ date: '2030-10-01', name: '国庆节' }], workdays: [] };
const round = (district: string) => ({
  district,
  opensOn: today(),
  closesOn: addDays(today(), 20),
  periodFrom: addDays(today(), -300),
  periodTo: today(),
});
const NOTE = '已电话联系选民，约定周五现场查看';
const SESSION = { stationId: 'qx-jiedao', month: '2026-12' };
const CASES: LimitCase[] = [
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
    setup: async () => ok(api, ADMIN, 'casework', 'issueInvite', { role: 'staff', stationId: 'qx-laixun' }),
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
    action: 'opinions.withdraw',
    perDay: 30,
    message: '今天撤回意见的次数过多，请明天再试',
    who: 'limits-withdrawer',
    setup: () => submit(api, 'limits-withdrawer'),
    fill: () => ({ opinionId: GONE }),
    fills: 'NOT_FOUND',
    over: (o) => ({ opinionId: o.opinionId }),
  },
  {
    action: 'opinions.rate',
    perDay: 30,
    message: '今天评价意见的次数过多，请明天再试',
    who: 'limits-rater',
    setup: async () => ({ opinionId: await opinionIn(api, 'resolved', 'limits-rater') }),
    fill: () => ({ opinionId: GONE, satisfaction: 'satisfied' }),
    fills: 'NOT_FOUND',
    over: (o) => ({ opinionId: o.opinionId, satisfaction: 'satisfied' }),
  },
  {
    action: 'opinions.claim',
    perDay: 10,
    message: '今天尝试次数过多，请明天再试或联系联络站工作人员',
    who: 'limits-claimer',
    setup: () =>
      ok(api, STAFF, 'casework', 'intake', { category: 'housing', content: TRAFFIC, requestId: newRequestId('walk') }),
    fill: () => ({ claimCode: 'ABCD2345' }),
    fills: 'NOT_FOUND',
    over: (o) => ({ claimCode: o.claimCode }),
  },
  {
    action: 'casework.reply',
    perDay: 100,
    message: '今天答复的次数过多，请明天再试',
    who: DEPUTY,
    setup: () => submit(api, 'limits-voter-reply'),
    fill: () => ({ opinionId: GONE, content: '已与有关部门联系，正在处理。' }),
    fills: 'NOT_FOUND',
    over: (o) => ({ opinionId: o.opinionId, content: '已与有关部门联系，本月内处理完毕。' }),
  },
  {
    action: 'casework.transfer',
    perDay: 100,
    message: '今天转承办单位的次数过多，请明天再试',
    who: DEPUTY,
    setup: () => submit(api, 'limits-voter-transfer'),
    fill: (i, o) => ({ opinionId: o.opinionId, unit: `县交通运输局${i}科`, expectedDate: '2026-12-31' }),
    fills: 'ok',
    over: (o) => ({ opinionId: o.opinionId, unit: '县交通运输局', expectedDate: '2026-12-31' }),
  },
  {
    action: 'casework.note',
    perDay: 100,
    message: '今天添加内部备注的次数过多，请明天再试',
    who: STAFF,
    setup: () => submit(api, 'limits-voter-note'),
    fill: (i, o) => ({ opinionId: o.opinionId, text: `${NOTE}（${i}）` }),
    fills: 'ok',
    over: (o) => ({ opinionId: o.opinionId, text: NOTE }),
  },
  {
    action: 'casework.assign',
    perDay: 200,
    message: '今天分派意见的次数过多，请明天再试',
    who: STAFF,
    setup: () => submit(api, 'limits-voter-assign'),
    fill: (i, o) => ({ opinionId: o.opinionId, deputyId: i % 2 === 0 ? 'd03' : 'd02' }),
    fills: 'ok',
    over: (o) => ({ opinionId: o.opinionId, deputyId: 'd01' }),
  },
  {
    action: 'casework.resolve',
    perDay: 200,
    message: '今天确认办结的次数过多，请明天再试',
    who: STAFF,
    setup: async () => ({ opinionId: await opinionIn(api, 'replied', 'limits-voter-resolve') }),
    fill: () => ({ opinionId: GONE, note: '已办结' }),
    fills: 'NOT_FOUND',
    over: (o) => ({ opinionId: o.opinionId, note: '信号灯已安装到位' }),
  },
  {
    action: 'casework.reject',
    perDay: 200,
    message: '今天不予受理的次数过多，请明天再试',
    who: STAFF,
    setup: () => submit(api, 'limits-voter-reject'),
    fill: () => ({ opinionId: GONE, kind: 'out_of_remit', reason: '不属于受理范围' }),
    fills: 'NOT_FOUND',
    over: (o) => ({ opinionId: o.opinionId, kind: 'out_of_remit', reason: '该路段属于省道，已告知选民反映渠道' }),
  },
  {
    action: 'casework.release',
    perDay: 200,
    message: '今天审核通过的次数过多，请明天再试',
    who: STAFF,
    setup: async () => ({ opinionId: await opinionIn(api, 'held', 'limits-voter-release') }),
    fill: () => ({ opinionId: GONE }),
    fills: 'NOT_FOUND',
    over: (o) => ({ opinionId: o.opinionId }),
  },
  {
    action: 'casework.close',
    perDay: 200,
    message: '今天复核结案的次数过多，请明天再试',
    who: STAFF,
    setup: async () => {
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
  {
    action: 'evaluations.rate',
    perDay: 100,
    message: '今天评议代表的次数过多，请明天再试',
    who: 'limits-evaluator',
    setup: async () => {
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
    setup: () => ok(api, ADMIN, 'evaluations', 'open', round('第五选区')),
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
];

describe('each action that writes has a daily limit per caller', () => {
  test('the cases below are every limit of WRITE_LIMITS, and docs/API.md lists each with its message', () => {
    expect(Object.fromEntries(CASES.map((c) => [c.action, { perDay: c.perDay, message: c.message }]))).toEqual(
      WRITE_LIMITS,
    );
    const doc = readFileSync(join(__dirname, '../../docs/API.md'), 'utf8');
    for (const [action, { perDay, message }] of Object.entries(WRITE_LIMITS)) {
      expect(doc).toContain(`| \`${action}\` | ${perDay} | \`${message}\` |`);
    }
  });

  // Each case has its own three days: the setup, the day the limit is met, and the day after.
  test.each(CASES.map((c, i) => [c.action, c.perDay, i, c] as const))(
    '%s: %i calls a day, then RATE_LIMITED writing nothing; the next day it goes through',
    async (action, perDay, index, c) => {
      const [fn, name] = action.split('.') as [string, string];
      const start = FIXED_NOW + 3 * index * DAY;
      now = start;
      const state = (c.setup ? await c.setup() : {}) as Record<string, unknown>;

      now = start + DAY;
      for (let i = 0; i < perDay; i += 1) {
        const { body } = await call(api, c.who, fn, name, c.fill(i, state));
        expect(body.ok ? 'ok' : body.error.code).toBe(c.fills);
      }
      const before = everything();
      const over = await call(api, c.who, fn, name, c.over(state));
      expect({ status: over.status, error: over.body.error }).toEqual({
        status: 429,
        error: { code: 'RATE_LIMITED', message: c.message },
      });
      expect(everything()).toEqual(before);

      now = start + 2 * DAY;
      const nextDay = await call(api, c.who, fn, name, c.over(state));
      expect(nextDay.body.error).toBeUndefined();
      expect(everything()).not.toEqual(before);
    },
  );
});

describe('what counts', () => {
  beforeEach(() => {
    now = FIXED_NOW + 100 * DAY;
  });

  test('the limit is each caller’s own: another voter still follows when one has met it', async () => {
    for (let i = 0; i < 50; i += 1)
      await ok(api, 'limits-busy', 'stations', 'follow', { stationId: 'qx-jiedao', follow: true });
    expect(
      (await call(api, 'limits-busy', 'stations', 'follow', { stationId: 'qx-jiedao', follow: true })).body.error?.code,
    ).toBe('RATE_LIMITED');
    expect(await ok(api, 'limits-calm', 'stations', 'follow', { stationId: 'qx-jiedao', follow: true })).toEqual({
      stationId: 'qx-jiedao',
      following: true,
    });
  });

  test('a call its schema refuses does not count', async () => {
    for (let i = 0; i < 60; i += 1) {
      const { body } = await call(api, 'limits-typo', 'stations', 'follow', { stationId: 'qx-jiedao' });
      expect(body.error.code).toBe('INVALID_INPUT');
    }
    for (let i = 0; i < 50; i += 1)
      await ok(api, 'limits-typo', 'stations', 'follow', { stationId: 'qx-jiedao', follow: true });
  });

  test('a limit holds against a burst of calls at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(api, 'limits-burst', 'evaluations', 'setDistrict', { district: i % 2 === 0 ? '第一选区' : '第二选区' }),
      ),
    );
    expect(answers.filter((a) => a.body.error?.code === 'RATE_LIMITED')).toHaveLength(7);
  });
});

describe('选区: a voter who keeps changing it', () => {
  beforeEach(() => {
    now = FIXED_NOW + 110 * DAY;
  });
  const audit = (voter: string) => api.store.listAudit('voter', voter);

  test('choosing the 选区 one already has writes no audit line', async () => {
    await ok(api, 'limits-settled', 'evaluations', 'setDistrict', { district: '第一选区' });
    for (let i = 0; i < 3; i += 1) {
      expect(await ok(api, 'limits-settled', 'evaluations', 'setDistrict', { district: '第一选区' })).toEqual({
        district: '第一选区',
      });
    }
    expect((await audit('limits-settled')).map((a) => a.detail)).toEqual([{ from: null, to: '第一选区' }]);
  });

  test('toggled 40 times in a day it leaves 5 audit lines, the limit', async () => {
    for (let i = 0; i < 40; i += 1) {
      await call(api, 'limits-toggler', 'evaluations', 'setDistrict', {
        district: i % 2 === 0 ? '第一选区' : '第二选区',
      });
    }
    expect(await audit('limits-toggler')).toHaveLength(5);
    expect(await api.store.getVoterDistrict('limits-toggler')).toBe('第一选区');
  });
});
