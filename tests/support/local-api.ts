import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { createLocalServer, type LocalServerOptions } from '../../server/local/http-server';
import { LOCAL_FUNCTIONS } from '../../server/local/functions';
import { seedDemoData } from '../../server/local/seed';
import { setRuntime } from '../../server/runtime/runtime';
import { testRuntime } from './test-runtime';
import type { ActionContract, ActionName } from '../../src/domain/actions';
import type { Clock } from '../../src/domain/dates';
import type { Envelope } from '../../src/domain/envelope';

/** 2026-03-01 10:00 in Shanghai: a fixed "now" so that expected dates are written out. */
export const FIXED_NOW = Date.UTC(2026, 2, 1, 2, 0);

/**
 * The local server in this process, on a fresh seeded SQLite file, on a free port.
 * `post` calls a function the way the H5 app does, with any body; `answerAs` and `callAs` call an
 * action of the tables (src/domain/actions) with its input, typed as the app's client types them.
 * `serverOptions` replace the defaults (every function, uploads under the scratch directory).
 */
export async function startLocalApi(
  clock: Clock = { now: () => FIXED_NOW },
  serverOptions: Partial<LocalServerOptions> = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'lianluo-test-'));
  const store = createSqliteStore(join(dir, 'test.sqlite'));
  await seedDemoData(store, clock);
  setRuntime(testRuntime(store, clock, dir));

  const server = createLocalServer({ functions: LOCAL_FUNCTIONS, filesDir: join(dir, 'files'), ...serverOptions });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;

  async function post(fn: string, body: unknown, openid?: string, raw = false) {
    const response = await fetch(`${base}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
      body: raw ? (body as string) : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  /** Call `'fn.action'` as `openid` with a well-typed input: the HTTP status and the typed envelope. */
  async function answerAs<N extends ActionName>(
    openid: string | undefined,
    name: N,
    input: ActionContract[N]['input'],
  ): Promise<{ status: number; body: Envelope<ActionContract[N]['output']> }> {
    const [fn, action] = name.split('.') as [string, string];
    const { status, body } = await post(fn, { ...input, action }, openid);
    return { status, body: body as Envelope<ActionContract[N]['output']> };
  }

  /** Call `'fn.action'` as `openid` and insist on success: the data, typed as the action declares it. */
  async function callAs<N extends ActionName>(
    openid: string | undefined,
    name: N,
    input: ActionContract[N]['input'],
  ): Promise<ActionContract[N]['output']> {
    const { body } = await answerAs(openid, name, input);
    if (!body.ok) throw new Error(`${name} by ${openid ?? 'anonymous'} failed: ${JSON.stringify(body.error)}`);
    return body.data;
  }

  async function stop() {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }

  return { base, port, dir, store, post, answerAs, callAs, stop };
}
