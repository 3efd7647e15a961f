import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_FUNCTIONS } from '../../server/local/functions';
import type { CloudFunctionMain } from '../../server/local/http-server';
import { startLocalApi } from './local-api';
import { head } from './raw-http';

// The local server as the hardening tests (tests/functions/local-server-*.test.ts) run it:
// every function as in `npm start`, counting the calls (a refused request must run none), one
// function that throws, a small H5 folder, and a short request timeout.

export type CountingServer = Awaited<ReturnType<typeof startLocalApi>>;

/** Chinese text: every refusal is explained in Chinese. */
export const HAN = /\p{Script=Han}/u;
export const LIST = JSON.stringify({ action: 'list' });
/** A small server timeout, so that the tests of unfinished requests end soon. */
export const REQUEST_TIMEOUT_MS = 500;

/** Start the server; each function call's name is pushed to `calls`. */
export async function startCountingServer(calls: string[]): Promise<CountingServer> {
  const h5 = mkdtempSync(join(tmpdir(), 'lianluo-h5-'));
  writeFileSync(join(h5, 'index.html'), '<!doctype html><title>代表联络站</title>');
  const counted: Record<string, CloudFunctionMain> = {};
  for (const [name, main] of Object.entries(LOCAL_FUNCTIONS)) {
    counted[name] = (event, context) => {
      calls.push(name);
      return main(event, context);
    };
  }
  // A function that throws before it returns a promise: the request fails, the server does not.
  counted.broken = () => {
    throw new Error('broken at /srv/secret.ts:1');
  };
  return startLocalApi(undefined, { functions: counted, staticDir: h5, requestTimeoutMs: REQUEST_TIMEOUT_MS });
}

/** The server still lists the stations. */
export async function expectStillAnswering(api: CountingServer) {
  const { status, body } = await api.post('stations', { action: 'list' });
  expect(status).toBe(200);
  expect(body.ok).toBe(true);
}

/** A raw POST of `body` to `path` from 127.0.0.1, with any further headers. */
export const post = (path: string, body: string, ...headers: string[]) =>
  head(
    `POST ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...headers,
  ) + body;

/**
 * One counting server for a test file: started before its tests and stopped after them, the
 * calls it counted cleared before each test.
 */
export function countingServerPerFile() {
  const suite = {
    calls: [] as string[],
    api: undefined as unknown as CountingServer,
    stillAnswering: () => expectStillAnswering(suite.api),
  };
  beforeAll(async () => {
    suite.api = await startCountingServer(suite.calls);
  });
  afterAll(() => suite.api.stop());
  beforeEach(() => {
    suite.calls.length = 0;
  });
  return suite;
}
