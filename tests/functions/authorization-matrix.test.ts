import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRuntime, setRuntime } from '../../server/runtime/runtime';
import { ACTION_TABLES, type ActionContract, type ActionName } from '../../src/domain/actions';
import { schemaFields } from '../support/schema-fields';
import { startLocalApi } from '../support/local-api';

// Every case action × every kind of caller, on a fresh opinion submitted by voter-a at
// 青溪街道联络站 and routed to 陈建国 (demo-deputy). A cell is "allow" when the caller got past
// the access checks (the answer may still be CONFLICT for the opinion's state) and "deny" when
// the answer was UNAUTHENTICATED, FORBIDDEN or NOT_FOUND. The expected table is checked in
// (authorization-matrix.json); UPDATE_MATRIX=1 rewrites it from the current behaviour, for review.

const CALLERS: Record<string, string | undefined> = {
  anonymous: undefined,
  'voter (author)': 'voter-a',
  'voter (other)': 'voter-b',
  'deputy (assigned)': 'demo-deputy',
  'deputy (other station)': 'deputy-wenchang',
  'staff (same station)': 'demo-staff',
  'staff (other station)': 'staff-wenchang',
  admin: 'demo-admin',
};

type Fields<N extends ActionName> = keyof ActionContract[N]['input'];

/** Every action on one case: those whose input names an `opinionId` (src/domain/actions). */
type CaseAction = {
  // An action without fields takes Record<string, never>, whose keys are any string: not a case action.
  [N in ActionName]: string extends Fields<N> ? never : 'opinionId' extends Fields<N> ? N : never;
}[ActionName];

// A case action added to a table fails typecheck here until it has a line, and the test below
// until the checked-in table has its row.
const ACTIONS: { [N in CaseAction]: (opinionId: string) => ActionContract[N]['input'] } = {
  'opinions.get': (opinionId) => ({ opinionId }),
  'opinions.withdraw': (opinionId) => ({ opinionId }),
  'opinions.eraseContact': (opinionId) => ({ opinionId }),
  'opinions.rate': (opinionId) => ({ opinionId, satisfaction: 'satisfied' }),
  'opinions.support': (opinionId) => ({ opinionId }),
  'casework.reply': (opinionId) => ({ opinionId, content: '已协调有关部门，本月内处理完毕。' }),
  'casework.transfer': (opinionId) => ({ opinionId, unit: '县交通运输局', expectedDate: '2026-04-30' }),
  'casework.note': (opinionId) => ({ opinionId, text: '已电话联系选民' }),
  'casework.assign': (opinionId) => ({ opinionId, deputyId: 'd03' }),
  'casework.resolve': (opinionId) => ({ opinionId, note: '已办结' }),
  'casework.reject': (opinionId) => ({ opinionId, kind: 'out_of_remit', reason: '不属于受理范围' }),
  'casework.release': (opinionId) => ({ opinionId }),
  'casework.close': (opinionId) => ({ opinionId, note: '复核后结案' }),
};

const DENIED = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);
const FILE = join(__dirname, 'authorization-matrix.json');

let api: Awaited<ReturnType<typeof startLocalApi>>;
beforeAll(async () => {
  api = await startLocalApi();
  // voter-a submits one fresh opinion per cell: lift the daily limit for this table only.
  const runtime = await getRuntime();
  setRuntime({ ...runtime, config: { ...runtime.config, dailySubmitLimit: 1000 } });
  const at = Date.UTC(2026, 2, 1);
  const audit = { at, actor: 'test', action: 'test.account', targetType: 'account', targetId: 'x' };
  await api.store.putAccount(
    { openid: 'deputy-wenchang', role: 'deputy', stationId: 'qx-wenchang', deputyId: 'd04', createdAt: at },
    audit,
  );
  await api.store.putAccount(
    { openid: 'staff-wenchang', role: 'staff', stationId: 'qx-wenchang', createdAt: at },
    audit,
  );
});
afterAll(() => api.stop());

let n = 0;
async function freshOpinion(): Promise<string> {
  n += 1;
  const { body } = await api.post(
    'opinions',
    {
      action: 'submit',
      stationId: 'qx-jiedao',
      category: 'transport',
      content: `第${n}处：环城西路红绿灯配时太短。`,
      requestId: `matrix-${n}-0000`,
    },
    'voter-a',
  );
  return body.data.opinionId;
}

test('the table has a row for every action on a case, and only those', () => {
  const caseActions = ACTION_TABLES.flatMap((table) =>
    Object.entries(table.actions)
      .filter(([, spec]) => schemaFields(spec.input).includes('opinionId'))
      .map(([action]) => `${table.name}.${action}`),
  );
  expect(caseActions.length).toBeGreaterThan(0);
  expect(Object.keys(ACTIONS).sort()).toEqual([...caseActions].sort());
  expect(Object.keys(JSON.parse(readFileSync(FILE, 'utf8'))).sort()).toEqual([...caseActions].sort());
});

test('who may do what to a case matches the checked-in table', async () => {
  const actual: Record<string, Record<string, 'allow' | 'deny'>> = {};
  for (const [name, fields] of Object.entries(ACTIONS) as Array<[CaseAction, (id: string) => object]>) {
    const [fn, action] = name.split('.') as [string, string];
    actual[name] = {};
    for (const [who, openid] of Object.entries(CALLERS)) {
      const opinionId = await freshOpinion();
      const { body } = await api.post(fn, { action, ...fields(opinionId) }, openid);
      actual[name]![who] = body.ok || !DENIED.has(body.error.code) ? 'allow' : 'deny';
    }
  }
  if (process.env.UPDATE_MATRIX === '1') writeFileSync(FILE, `${JSON.stringify(actual, null, 2)}\n`);
  expect(actual).toEqual(JSON.parse(readFileSync(FILE, 'utf8')));
});
