import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { shanghaiDate } from '../../src/domain/dates';
import { WRITE_LIMITS } from '../../src/domain/write-limits';
import { withVoterTemplates } from '../support/test-runtime';
import { FIXED_NOW, startLocalApi } from '../support/local-api';
import { call, type LocalApi } from '../support/opinion-calls';
import type { LimitCase } from './write-limit-case';
import { activityLimitCases } from './write-limit-cases-activities';
import { caseworkLimitCases } from './write-limit-cases-casework';
import { stationAndAdminLimitCases } from './write-limit-cases-stations-admin';
import { suggestionLimitCases } from './write-limit-cases-suggestions';

// Every action that writes has a limit per caller and Asia/Shanghai day (docs/API.md, Limits):
// far above what a voter, deputy or staff member does in a day, so that only a script repeating
// the action meets it. Every call that passes the action's schema counts, whatever it answers.
// The call over the limit is RATE_LIMITED (HTTP 429) and writes nothing; the next day the same
// call goes through. What counts towards a limit: write-limits-what-counts-over-http.test.ts.

const DAY = 24 * 60 * 60 * 1000;

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
    // every row, in one order whatever the table's key: a WITHOUT ROWID table has no rowid to order by
    tables.map((t) => [
      t,
      (api.store.db.prepare(`SELECT * FROM ${t}`).all() as unknown[])
        .map((row) => JSON.stringify(row))
        .sort()
        .join('\n'),
    ]),
  );
  let files: string[] = [];
  try {
    files = readdirSync(join(dirname(api.store.db.name), 'files'));
  } catch {
    // No file stored yet.
  }
  return { rows, files };
}

const CASES: LimitCase[] = [
  ...stationAndAdminLimitCases(today),
  ...caseworkLimitCases(),
  ...suggestionLimitCases(),
  ...activityLimitCases(),
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
      const state = (c.setup ? await c.setup(api) : {}) as Record<string, unknown>;

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
      const renewed = (c.renew ? await c.renew(api) : state) as Record<string, unknown>;
      const beforeNextDay = everything();
      const nextDay = await call(api, c.who, fn, name, c.over(renewed));
      expect(nextDay.body.error).toBeUndefined();
      expect(everything()).not.toEqual(beforeNextDay);
    },
  );
});
