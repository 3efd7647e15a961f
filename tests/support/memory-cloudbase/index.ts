import type tcb from '@cloudbase/node-sdk';
import { MemoryDatabase, type MemoryDatabaseOptions } from './database';

/**
 * An in-memory stand-in for the part of `@cloudbase/node-sdk`'s `app.database()` that
 * server/adapters/cloudbase uses, so that the real adapters can run (and be counted) where
 * CloudBase's servers cannot be reached: by the store contract, the document migrations and the
 * bench. Query matching, sorting, projection, updates and aggregation pipelines are mingo's
 * (MongoDB semantics, which CloudBase's document database follows); these files only mirror
 * the SDK's builders, result shapes and limits:
 *
 * - `collection(name)` → `where(query)`, `orderBy(field, 'asc'|'desc')`, `skip`, `limit`, `field`,
 *   `get()` → `{ data: Doc[] }`, `count()` → `{ total }`, `update(data)` → `{ updated }` (all
 *   matches, fields merged), `remove()` → `{ deleted }`;
 * - `collection(name).add(data)` → `{ id }` (an existing `_id` throws), `doc(id).get()` →
 *   `{ data: Doc[] }`, `.set(data)` (replace or create), `.update(data)` (merge, no create),
 *   `.remove()` (query.ts);
 * - `command`: eq, neq, gt, gte, lt, lte, in, nin, exists, and, or, nor, not (also chained,
 *   `_.gte(a).and(_.lt(b))`), and `command.aggregate.<op>(x)` → `{ $op: x }` (neq → `$ne`)
 *   (commands.ts);
 * - `aggregate().match(query).group(...).project(...).sort/skip/limit/count/unwind/addFields(...).end()`
 *   → `{ data }`, and the same stages as the real SDK serialises them (`aggregateRequester`,
 *   aggregate.ts; `sdkDatabaseOver` gives the real SDK's database so answered, sdk.ts);
 * - `runTransaction(callback, times = 3)` and `startTransaction()` (transaction.ts).
 *
 * Limits as the server applies them: a query returns 100 documents when no limit is given and
 * at most 1,000 (the SDK caps `limit`); an aggregation without a `limit` stage returns at most
 * 20 results.
 *
 * Counting — CloudBase bills operations (requests), not documents:
 * - one **read** per request that reads: `get()` of a query or of `doc(id)`, `count()`, and
 *   `aggregate()...end()`, however many documents it scans or returns;
 * - one **write** per request that writes: `add()`, `doc(id).set/update/remove()` and
 *   `where(...).update/remove()`, however many documents it changes (also when it changes none);
 * - a transaction counts its inner requests by the same rule (each `doc(id).get()` a read, each
 *   set/update/remove/add a write); starting, committing and rolling back are not counted, and a
 *   callback run again after a conflict counts again, as its requests were made again.
 * `documentsRead` (documents returned) is kept beside the counts for information only.
 */

export { aggregateRequester } from './aggregate';
export { MemoryCloudbaseError } from './commands';
export { MemoryDatabase, type MemoryDatabaseOptions, type OperationCounts } from './database';
export { sdkDatabaseOver } from './sdk';

type App = ReturnType<typeof tcb.init>;

export function createMemoryDatabase(options?: MemoryDatabaseOptions): MemoryDatabase {
  return new MemoryDatabase(options);
}

/** An object that passes for a CloudBase app whose `database()` is the stand-in. */
export function memoryCloudbaseApp(db: MemoryDatabase): App {
  return { database: () => db } as unknown as App;
}
