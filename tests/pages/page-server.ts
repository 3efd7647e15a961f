import { setApiBase } from '../../src/api/transport.h5';
import type { Clock } from '../../src/domain/dates';
import { startLocalApi } from '../support/local-api';

/**
 * The real local server for a page test file: a fresh SQLite store seeded with the demo
 * street at 2026-03-01 10:00 Shanghai (or the given clock), started in this process, and the
 * pages' HTTP transport pointed at it. Returns where the server is, once it has started.
 */
export function withPageServer(clock?: Clock): () => string {
  let api: Awaited<ReturnType<typeof startLocalApi>>;
  beforeAll(async () => {
    api = await startLocalApi(clock);
    setApiBase(api.base);
  });
  afterAll(() => api.stop());
  return () => api.base;
}
