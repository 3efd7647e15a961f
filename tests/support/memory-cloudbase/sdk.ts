import tcb from '@cloudbase/node-sdk';
import { aggregateRequester } from './aggregate';
import type { MemoryDatabase } from './database';

/**
 * The real SDK's database, building and serialising its own requests, answered by the stand-in:
 * aggregations only (`aggregateRequester`; any other request fails). `calls` lists each request.
 */
export function sdkDatabaseOver(memory: MemoryDatabase, calls: string[] = []) {
  const db = tcb.init({ env: 'test-env', secretId: 'test', secretKey: 'test' }).database();
  (Object.getPrototypeOf(db).constructor as { reqClass: unknown }).reqClass = aggregateRequester(memory, calls);
  return db;
}
