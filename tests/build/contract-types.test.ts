import { z } from 'zod';
import type { call } from '../../src/api/client';
import { actionNames, ACTION_TABLES } from '../../src/domain/actions';
import { WRITE_LIMITS } from '../../src/domain/write-limits';
import { defineActions, returns, type ContractOf } from '../../src/domain/actions/action-spec';
import type { OpinionView, SubmitResult } from '../../src/domain/views';

// The client's types come from the schemas: `npm run typecheck` compiles this file, and each
// `@ts-expect-error` below must meet an error — were a schema to accept that call, the directive
// would be unused and typecheck would fail. Nothing here is ever sent.

declare const callApi: typeof call;

export async function callsTheSchemasRefuse(): Promise<void> {
  // @ts-expect-error a field opinions.get's schema does not read
  await callApi('opinions.get', { opinionId: 'op-1', openid: 'someone-else' });
  // @ts-expect-error opinions.get needs its opinionId
  await callApi('opinions.get', {});
  // @ts-expect-error a satisfaction the rating schema's enum does not list
  await callApi('opinions.rate', { opinionId: 'op-1', satisfaction: 'very_satisfied' });
  // @ts-expect-error casework.reject's kind is out_of_remit or duplicate
  await callApi('casework.reject', { opinionId: 'op-1', kind: 'spam', reason: '广告' });
  // @ts-expect-error reports.annualReport's year is a number
  await callApi('reports.annualReport', { year: '2026' });
  // @ts-expect-error an action no table declares
  await callApi('opinions.delete', { opinionId: 'op-1' });
  // @ts-expect-error account.me takes no fields
  await callApi('account.me', { role: 'admin' });
}

export async function whatTheCallsAnswer(): Promise<void> {
  const view: OpinionView = await callApi('opinions.get', { opinionId: 'op-1' });
  const submitted: SubmitResult = await callApi('opinions.submit', {
    stationId: 'qx-jiedao',
    category: 'transport',
    content: '路口红绿灯太短',
    requestId: 'req-00000001',
  });
  // @ts-expect-error opinions.get answers an OpinionView, not a list
  const items: unknown[] = (await callApi('opinions.get', { opinionId: 'op-1' })).items;
  void [view, submitted, items];
}

/** The caller sends the schema's input (before transforms), the use case gets its output. */
const codeTable = defineActions('probe', {
  redeem: {
    input: z.object({ code: z.string().transform((s) => s.length), note: z.string().optional() }),
    access: 'user',
    output: returns<{ done: boolean }>(),
  },
});
type ProbeInput = ContractOf<typeof codeTable>['probe.redeem']['input'];
export const sent: ProbeInput = { code: 'ABCD2345' };
// @ts-expect-error the transform's output (a number) is not what the caller sends
export const transformed: ProbeInput = { code: 8 };

test('a table keeps its function name and its actions as written', () => {
  expect(codeTable.name).toBe('probe');
  expect(Object.keys(codeTable.actions)).toEqual(['redeem']);
});

test('every action of every table is one `function.action` name, each once', () => {
  const names = actionNames();
  expect(new Set(names).size).toBe(names.length);
  expect(names).toEqual(expect.arrayContaining(['opinions.submit', 'casework.reply', 'reports.migrate']));
  expect(names).toHaveLength(ACTION_TABLES.reduce((n, table) => n + Object.keys(table.actions).length, 0));
});

test('every daily write limit belongs to the action of its name, and that action counts it', () => {
  const limited = ACTION_TABLES.flatMap((table) =>
    Object.entries(table.actions).flatMap(([action, spec]) => {
      const limit: string | undefined = spec.limit;
      return limit ? [[`${table.name}.${action}`, limit]] : [];
    }),
  );
  for (const [name, limit] of limited) expect(limit).toBe(name);
  expect(limited.map(([name]) => name).sort()).toEqual(Object.keys(WRITE_LIMITS).sort());
});
