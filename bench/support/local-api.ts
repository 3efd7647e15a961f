import { createServer } from 'node:http';
import { nodeIds } from '../../server/adapters/node-ids';
import { LOCAL_FUNCTIONS } from '../../server/local/functions';
import { createLocalServer } from '../../server/local/http-server';
import type { Store } from '../../server/ports/store';
import { localAdapters, setRuntime, systemClock } from '../../server/runtime/runtime';
import { listen } from './timing';

export type Post = (fn: string, body: unknown, openid?: string) => Promise<void>;

/** From now on the local API's functions run on `store` (its generated files under `dir`). */
export function serveLocalStore(store: Store, dir: string): void {
  setRuntime({
    store,
    clock: systemClock,
    config: { adminOpenids: ['demo-admin'], dailySubmitLimit: 1_000_000, subscribeTemplates: {} },
    ids: nodeIds,
    ...localAdapters(dir, () => undefined),
  });
}

/**
 * The local server's functions on `store`, over HTTP on a free port, as `npm start` serves them;
 * beside it a bare Node http hello-world, the reference every latency is read against.
 */
export async function startLocalApi(store: Store, dir: string) {
  serveLocalStore(store, dir);
  const apiServer = createLocalServer({ functions: LOCAL_FUNCTIONS });
  const helloServer = createServer((_req, res) => res.end('{"ok":true}'));
  const api = await listen(apiServer);
  const hello = await listen(helloServer);

  /** One call of `fn` as `openid` (X-Dev-Openid, as the H5 app sends it); throws unless it succeeds. */
  const post: Post = async (fn, body, openid) => {
    const res = await fetch(`${api}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { ok: boolean; error?: { message: string } };
    if (!json.ok) throw new Error(`${fn}: ${json.error?.message}`);
  };
  const sayHello = async () => {
    await (await fetch(hello, { method: 'POST', body: '{}' })).text();
  };
  return {
    post,
    sayHello,
    close: async () => {
      for (const server of [apiServer, helloServer]) {
        server.closeAllConnections();
        await new Promise<void>((done) => server.close(() => done()));
      }
    },
  };
}
