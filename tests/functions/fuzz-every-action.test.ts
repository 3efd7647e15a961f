import fc from 'fast-check';
import { ACTION_TABLES } from '../../src/domain/actions';
import { ERROR_CODES } from '../../src/domain/errors';
import { LOCAL_FUNCTIONS } from '../../server/local/functions';
import { startLocalApi } from '../support/local-api';
import { schemaFields } from '../support/schema-fields';

// Property: whatever arrives, every action answers a well-formed envelope — data, or an error
// with a contract code and a Chinese message — never throws, never echoes a stack, and a
// refused call writes nothing.

// The actions of every function, from their tables; the scheduler answers only its timer.
const ACTIONS: Record<string, string[]> = {
  ...Object.fromEntries(ACTION_TABLES.map((table) => [table.name, Object.keys(table.actions)])),
  scheduler: ['run'],
};
const CALLERS = [undefined, 'demo-voter', 'demo-deputy', 'demo-staff', 'demo-admin', 'fuzz-unit', 'fuzz-stranger'];
// Every field any action's schema names, and the ones a payload might use to pose as someone.
const FIELDS = [
  ...new Set(ACTION_TABLES.flatMap((table) => Object.values(table.actions).flatMap((a) => schemaFields(a.input)))),
  'openid',
  '_openid',
];
const VALUES = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'qx-jiedao',
    'transport',
    '2026-03-05',
    '2026-13-40',
    '第一选区',
    'd01',
    'u-fuzz',
    'satisfied',
    'DBQX2345',
    '<script>',
    '"; DROP TABLE opinions;--',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 12 }),
  fc.record({ latitude: fc.double(), longitude: fc.double() }),
  fc.record({ name: fc.string(), phone: fc.string() }),
  fc.object({ maxDepth: 2 }),
);

let api: Awaited<ReturnType<typeof startLocalApi>>;
beforeAll(async () => {
  api = await startLocalApi();
  // A 承办单位 and its contact, so that the unit's side of the suggestions actions is fuzzed too.
  const audit = { at: 0, actor: 'test', action: 'test.setup', targetType: 'unit', targetId: 'u-fuzz' };
  await api.store.putHandlingUnit({ id: 'u-fuzz', name: '县交通运输局', active: true, sortOrder: 1 }, audit);
  await api.store.putAccount({ openid: 'fuzz-unit', role: 'unit', unitId: 'u-fuzz', createdAt: 0 }, audit);
});
afterAll(() => api.stop());

const counts = () =>
  [
    'opinions',
    'opinion_events',
    'outbox',
    'accounts',
    'invites',
    'session_overrides',
    'holiday_arrangements',
    'station_follows',
    'audit_log',
    'evaluation_rounds',
    'evaluation_participants',
    'evaluation_answers',
    'voter_districts',
    'handling_units',
    'suggestions',
    'suggestion_deputies',
    'suggestion_units',
    'suggestion_returns',
    'deputy_groups',
    'activities',
    'activity_attendees',
  ].map((t) => (api.store.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n);

test('the fuzzed fields are read from the schemas, through refinements', () => {
  expect(FIELDS).toEqual(expect.arrayContaining(['opinionId', 'consent', 'mergedInto', 'periodTo', 'upTo']));
});

test('every function the server exposes is fuzzed', () => {
  expect(Object.keys(ACTIONS).sort()).toEqual(Object.keys(LOCAL_FUNCTIONS).sort());
});

test.each(Object.keys(ACTIONS))('every action of %s answers a well-formed envelope for any input', async (fn) => {
  const main = LOCAL_FUNCTIONS[fn]!;
  const event = fc.oneof(
    fc
      .record({ action: fc.constantFrom(...ACTIONS[fn]!) })
      .chain((base) =>
        fc.dictionary(fc.constantFrom(...FIELDS), VALUES, { maxKeys: 6 }).map((fields) => ({ ...fields, ...base })),
      ),
    fc.anything(),
  );
  await fc.assert(
    fc.asyncProperty(event, fc.constantFrom(...CALLERS), async (input, openid) => {
      const before = counts();
      const context = { environment: JSON.stringify(openid ? { WX_OPENID: openid } : {}) };
      const result = await main(input, context);
      const text = JSON.stringify(result);
      expect(text).not.toMatch(/at \w+ \(|node_modules|Error:/);
      if (result.ok) {
        expect(result).toHaveProperty('data');
      } else {
        expect(ERROR_CODES).toContain(result.error.code);
        expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
        expect(counts()).toEqual(before);
      }
    }),
    { numRuns: 400, seed: 20261127 },
  );
});
