import { setApiBase } from '../../src/api/transport.h5';
import { startLocalApi } from '../support/local-api';

/**
 * The real local server for a page test file: a fresh SQLite store seeded with the demo
 * street at 2026-03-01 10:00 Shanghai, started in this process, and the pages' HTTP
 * transport pointed at it. Returns where the server is, once it has started.
 */
export function withPageServer(): () => string {
  let api: Awaited<ReturnType<typeof startLocalApi>>;
  beforeAll(async () => {
    api = await startLocalApi();
    setApiBase(api.base);
  });
  afterAll(() => api.stop());
  return () => api.base;
}
