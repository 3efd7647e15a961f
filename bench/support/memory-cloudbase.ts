import { randomBytes } from 'node:crypto';
import type tcb from '@cloudbase/node-sdk';
import { Aggregator, update as applyUpdate } from 'mingo';

/**
 * An in-memory stand-in for the part of `@cloudbase/node-sdk`'s `app.database()` that
 * server/adapters/cloudbase uses, so that the real adapters can run (and be counted) where
 * CloudBase's servers cannot be reached. Query matching, sorting, projection, updates and
 * aggregation pipelines are mingo's (MongoDB semantics, which CloudBase's document database
 * follows); this file only mirrors the SDK's builders, result shapes and limits:
 *
 * - `collection(name)` → `where(query)`, `orderBy(field, 'asc'|'desc')`, `skip`, `limit`, `field`,
 *   `get()` → `{ data: Doc[] }`, `count()` → `{ total }`, `update(data)` → `{ updated }` (all
 *   matches, fields merged), `remove()` → `{ deleted }`;
 * - `collection(name).add(data)` → `{ id }` (an existing `_id` throws), `doc(id).get()` →
 *   `{ data: Doc[] }`, `.set(data)` (replace or create), `.update(data)` (merge, no create),
 *   `.remove()`;
 * - `command`: eq, neq, gt, gte, lt, lte, in, nin, exists, and, or, nor, not (also chained,
 *   `_.gte(a).and(_.lt(b))`), and `command.aggregate.<op>(x)` → `{ $op: x }` (neq → `$ne`);
 * - `aggregate().match(query).group(...).project(...).sort/skip/limit/count/unwind/addFields(...).end()`
 *   → `{ data }`;
 * - `runTransaction(callback, times = 3)` and `startTransaction()`: a transaction's
 *   `collection(name).doc(id)` has get (→ `{ data: Doc | null }`), set, update, remove, and
 *   `collection(name).add`. Isolation is optimistic: a transaction whose documents another
 *   write changed since it first touched them fails with DATABASE_TRANSACTION_CONFLICT, and
 *   runTransaction runs the callback again, as the SDK does (up to 3 more times).
 *
 * Limits as the server applies them: a query returns 100 documents when no limit is given and
 * at most 1,000 (the SDK caps `limit`); an aggregation without a `limit` stage returns at most
 * 20 results (what cloud functions observe; CloudBase's reference does not state it).
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

type Doc = Record<string, unknown>;
type App = ReturnType<typeof tcb.init>;

export interface OperationCounts {
  reads: number;
  writes: number;
  documentsRead: number;
}

export interface MemoryDatabaseOptions {
  /** The collections that exist (others fail as on CloudBase); any name when omitted. */
  collections?: readonly string[];
}

/** An error as the SDK throws it: a message and CloudBase's code. */
export class MemoryCloudbaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const AGGREGATE_DEFAULT_LIMIT = 20;

// ---------------------------------------------------------------------------------------------
// Commands and their encoding into MongoDB queries (what the SDK's QuerySerializer sends)

const LOGIC = new Set(['and', 'or', 'nor']);
const COMPARISON: Record<string, string> = {
  eq: '$eq',
  neq: '$ne',
  gt: '$gt',
  gte: '$gte',
  lt: '$lt',
  lte: '$lte',
  in: '$in',
  nin: '$nin',
  exists: '$exists',
};

class Command {
  constructor(
    readonly operator: string,
    readonly operands: readonly unknown[],
  ) {}
  and(...others: unknown[]): Command {
    return new Command('and', [this, ...(others.length === 1 && Array.isArray(others[0]) ? others[0] : others)]);
  }
  or(...others: unknown[]): Command {
    return new Command('or', [this, ...(others.length === 1 && Array.isArray(others[0]) ? others[0] : others)]);
  }
}

const logic =
  (operator: string) =>
  (...args: unknown[]) =>
    new Command(operator, args.length === 1 && Array.isArray(args[0]) ? args[0] : args);

const aggregateOperators = new Proxy({} as Record<string, (param: unknown) => Doc>, {
  get: (_target, name) =>
    typeof name === 'string' ? (param: unknown) => ({ [`$${name === 'neq' ? 'ne' : name}`]: param }) : undefined,
});

const compare = (operator: string) => (value: unknown) => new Command(operator, [value]);

const command = {
  eq: compare('eq'),
  neq: compare('neq'),
  gt: compare('gt'),
  gte: compare('gte'),
  lt: compare('lt'),
  lte: compare('lte'),
  in: compare('in'),
  nin: compare('nin'),
  exists: compare('exists'),
  and: logic('and'),
  or: logic('or'),
  nor: logic('nor'),
  not: (value: unknown) => new Command('not', [value]),
  aggregate: aggregateOperators,
};

const isPlainObject = (v: unknown): v is Doc =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

function encodeField(path: string, value: Command): Doc {
  if (LOGIC.has(value.operator)) {
    return {
      [`$${value.operator}`]: value.operands.map((o) => (o instanceof Command ? encodeField(path, o) : { [path]: o })),
    };
  }
  if (value.operator === 'not') {
    const inner = value.operands[0];
    if (!(inner instanceof Command)) throw new MemoryCloudbaseError('INVALID_PARAM', 'not() takes a command');
    return { [path]: { $not: encodeField(path, inner)[path] } };
  }
  const op = COMPARISON[value.operator];
  if (!op) throw new MemoryCloudbaseError('INVALID_PARAM', `the stand-in has no command "${value.operator}"`);
  return { [path]: { [op]: value.operands[0] } };
}

/** A where() or match() argument as a MongoDB query; nested plain objects become dot paths. */
export function encodeQuery(query: unknown): Doc {
  if (query instanceof Command) {
    if (!LOGIC.has(query.operator)) throw new MemoryCloudbaseError('INVALID_PARAM', 'a field command needs a field');
    return { [`$${query.operator}`]: query.operands.map(encodeQuery) };
  }
  if (!isPlainObject(query)) throw new MemoryCloudbaseError('INVALID_PARAM', 'query must be an object');
  const clauses: Doc[] = [];
  const walk = (object: Doc, prefix: string) => {
    for (const [key, value] of Object.entries(object)) {
      if (value === undefined) continue;
      const path = prefix + key;
      if (value instanceof Command) clauses.push(encodeField(path, value));
      else if (isPlainObject(value)) walk(value, `${path}.`);
      else clauses.push({ [path]: value });
    }
  };
  walk(query, '');
  return clauses.length === 0 ? {} : clauses.length === 1 ? clauses[0]! : { $and: clauses };
}

/** update() data as a $set of dot paths (the SDK merges nested objects the same way). */
function encodeUpdate(data: unknown): Doc {
  if (!isPlainObject(data)) throw new MemoryCloudbaseError('INVALID_PARAM', '参数必需是非空对象');
  if ('_id' in data) throw new MemoryCloudbaseError('INVALID_PARAM', '不能更新_id的值');
  const set: Doc = {};
  const walk = (object: Doc, prefix: string) => {
    for (const [key, value] of Object.entries(object)) {
      if (value === undefined) continue;
      if (value instanceof Command) throw new MemoryCloudbaseError('INVALID_PARAM', 'update commands are not stood in');
      if (isPlainObject(value) && Object.keys(value).length > 0) walk(value, `${prefix}${key}.`);
      else set[prefix + key] = copy(value);
    }
  };
  walk(data, '');
  return { $set: set };
}

/** A deep copy without undefined fields, as the SDK's EJSON round trip leaves a document. */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : copy(v))) as T;
  if (isPlainObject(value)) {
    const out: Doc = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = copy(v);
    return out as T;
  }
  return value;
}

/** Let other pending requests run first, as a round trip to the server would. */
const roundTrip = () => new Promise<void>((done) => setImmediate(done));

// ---------------------------------------------------------------------------------------------
// The database

interface Stored {
  doc: Doc;
  version: number;
}

export class MemoryDatabase {
  readonly command = command;
  readonly counts: OperationCounts & { byCollection: Record<string, { reads: number; writes: number }> } = {
    reads: 0,
    writes: 0,
    documentsRead: 0,
    byCollection: {},
  };
  /** Collection → _id → document (insertion order is natural order). */
  private readonly data = new Map<string, Map<string, Stored>>();
  private clock = 0;

  constructor(private readonly options: MemoryDatabaseOptions = {}) {}

  collection(name: string): MemoryCollection {
    this.table(name);
    return new MemoryCollection(this, name, {});
  }

  async runTransaction<T>(callback: (tx: MemoryTransaction) => Promise<T>, times = 3): Promise<T> {
    const tx = new MemoryTransaction(this);
    try {
      const result = await callback(tx);
      if (tx.aborted) throw tx.abortReason;
      await tx.commit();
      return result;
    } catch (error) {
      if (!tx.finished) tx.discard();
      if (tx.aborted) throw tx.abortReason;
      if (times > 0 && error instanceof MemoryCloudbaseError && error.code === CONFLICT) {
        return this.runTransaction(callback, times - 1);
      }
      throw error;
    }
  }

  async startTransaction(): Promise<MemoryTransaction> {
    await roundTrip();
    return new MemoryTransaction(this);
  }

  /** Zero the counts (documents stay). */
  resetCounts(): void {
    Object.assign(this.counts, { reads: 0, writes: 0, documentsRead: 0, byCollection: {} });
  }

  /** Put documents in place without counting (test and bench fixtures). */
  load(name: string, docs: readonly Doc[]): void {
    for (const doc of docs) this.write(name, String(doc._id ?? newId()), copy(doc));
  }

  /** Every document of a collection (copies), uncounted. */
  dump(name: string): Doc[] {
    return [...this.table(name).values()].map((s) => copy(s.doc));
  }

  // -- used by the builders below --

  table(name: string): Map<string, Stored> {
    if (this.options.collections && !this.options.collections.includes(name)) {
      throw new MemoryCloudbaseError('DATABASE_COLLECTION_NOT_EXIST', `集合 ${name} 不存在`);
    }
    let table = this.data.get(name);
    if (!table) this.data.set(name, (table = new Map()));
    return table;
  }

  count(kind: 'reads' | 'writes', name: string, documents = 0): void {
    this.counts[kind] += 1;
    this.counts.documentsRead += documents;
    const c = (this.counts.byCollection[name] ??= { reads: 0, writes: 0 });
    c[kind] += 1;
  }

  version(name: string, id: string): number {
    return this.table(name).get(id)?.version ?? 0;
  }

  read(name: string, id: string): Doc | null {
    const stored = this.table(name).get(id);
    return stored ? copy(stored.doc) : null;
  }

  /** Replace (or with null delete) one document; every write raises its version. */
  write(name: string, id: string, doc: Doc | null): void {
    const table = this.table(name);
    this.clock += 1;
    if (doc === null) table.delete(id);
    else table.set(id, { doc: { ...doc, _id: id }, version: this.clock });
  }

  docs(name: string): Doc[] {
    return [...this.table(name).values()].map((s) => s.doc);
  }
}

const newId = () => randomBytes(16).toString('hex');

interface QueryOptions {
  filter?: Doc;
  order?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Doc;
}

class MemoryQuery {
  constructor(
    protected readonly db: MemoryDatabase,
    protected readonly name: string,
    protected readonly options: QueryOptions,
  ) {}

  protected with(change: QueryOptions): MemoryQuery {
    return new MemoryQuery(this.db, this.name, { ...this.options, ...change });
  }

  where(query: unknown): MemoryQuery {
    return this.with({ filter: encodeQuery(query) });
  }

  orderBy(field: string, direction: 'asc' | 'desc'): MemoryQuery {
    if (direction !== 'asc' && direction !== 'desc') throw new MemoryCloudbaseError('INVALID_PARAM', 'asc or desc');
    return this.with({ order: { ...this.options.order, [field]: direction === 'desc' ? -1 : 1 } });
  }

  skip(n: number): MemoryQuery {
    if (!Number.isInteger(n) || n < 0) throw new MemoryCloudbaseError('INVALID_PARAM', 'offset must be an integer');
    return this.with({ skip: n });
  }

  limit(n: number): MemoryQuery {
    if (!Number.isInteger(n)) throw new MemoryCloudbaseError('INVALID_PARAM', 'limit must be an integer');
    return this.with({ limit: n });
  }

  field(projection: Record<string, unknown>): MemoryQuery {
    const out: Doc = {};
    for (const [k, v] of Object.entries(projection)) out[k] = typeof v === 'object' ? v : v ? 1 : 0;
    return this.with({ projection: out });
  }

  private matching(): Doc[] {
    const docs = this.db.docs(this.name);
    return this.options.filter && Object.keys(this.options.filter).length > 0
      ? new Aggregator([{ $match: this.options.filter }], {}).run(docs)
      : docs;
  }

  async get(): Promise<{ data: Doc[] }> {
    await roundTrip();
    const limit = this.options.limit ? Math.min(this.options.limit, MAX_LIMIT) : DEFAULT_LIMIT;
    const pipeline: Doc[] = [{ $match: this.options.filter ?? {} }];
    if (this.options.order) pipeline.push({ $sort: this.options.order });
    if (this.options.skip) pipeline.push({ $skip: this.options.skip });
    pipeline.push({ $limit: limit });
    if (this.options.projection) pipeline.push({ $project: this.options.projection });
    const data = new Aggregator(pipeline, {}).run(this.db.docs(this.name)).map(copy);
    this.db.count('reads', this.name, data.length);
    return { data };
  }

  async count(): Promise<{ total: number }> {
    await roundTrip();
    this.db.count('reads', this.name);
    return { total: this.matching().length };
  }

  async update(data: unknown): Promise<{ updated: number }> {
    const modifier = encodeUpdate(data);
    await roundTrip();
    this.db.count('writes', this.name);
    let updated = 0;
    for (const doc of this.matching()) {
      const next = copy(doc);
      if (applyUpdate(next, modifier).length > 0) updated += 1;
      this.db.write(this.name, String(doc._id), next);
    }
    return { updated };
  }

  async remove(): Promise<{ deleted: number }> {
    await roundTrip();
    this.db.count('writes', this.name);
    const matches = this.matching();
    for (const doc of matches) this.db.write(this.name, String(doc._id), null);
    return { deleted: matches.length };
  }
}

class MemoryCollection extends MemoryQuery {
  doc(id: string | number): MemoryDocument {
    if (typeof id !== 'string' && typeof id !== 'number')
      throw new MemoryCloudbaseError('INVALID_PARAM', 'docId必须为字符串或数字');
    return new MemoryDocument(this.db, this.name, String(id));
  }

  async add(data: unknown): Promise<{ id: string }> {
    if (!isPlainObject(data)) throw new MemoryCloudbaseError('INVALID_PARAM', '参数必需是非空对象');
    await roundTrip();
    this.db.count('writes', this.name);
    const id = data._id === undefined ? newId() : String(data._id);
    if (this.db.read(this.name, id)) throw new MemoryCloudbaseError('DATABASE_REQUEST_FAILED', `duplicate _id ${id}`);
    this.db.write(this.name, id, copy(data));
    return { id };
  }

  aggregate(): MemoryAggregate {
    return new MemoryAggregate(this.db, this.name);
  }
}

function checkSetData(data: unknown): Doc {
  if (!isPlainObject(data)) throw new MemoryCloudbaseError('INVALID_PARAM', '参数必需是非空对象');
  if ('_id' in data) throw new MemoryCloudbaseError('INVALID_PARAM', '不能更新_id的值');
  return copy(data);
}

class MemoryDocument {
  constructor(
    private readonly db: MemoryDatabase,
    private readonly name: string,
    private readonly id: string,
  ) {}

  async get(): Promise<{ data: Doc[] }> {
    await roundTrip();
    const doc = this.db.read(this.name, this.id);
    this.db.count('reads', this.name, doc ? 1 : 0);
    return { data: doc ? [doc] : [] };
  }

  async set(data: unknown): Promise<{ updated: number; upsertedId: string | null }> {
    const doc = checkSetData(data);
    await roundTrip();
    this.db.count('writes', this.name);
    const existed = this.db.read(this.name, this.id) !== null;
    this.db.write(this.name, this.id, doc);
    return { updated: existed ? 1 : 0, upsertedId: existed ? null : this.id };
  }

  async update(data: unknown): Promise<{ updated: number }> {
    const modifier = encodeUpdate(data);
    await roundTrip();
    this.db.count('writes', this.name);
    const doc = this.db.read(this.name, this.id);
    if (!doc) return { updated: 0 };
    applyUpdate(doc, modifier);
    this.db.write(this.name, this.id, doc);
    return { updated: 1 };
  }

  async remove(): Promise<{ deleted: number }> {
    await roundTrip();
    this.db.count('writes', this.name);
    const existed = this.db.read(this.name, this.id) !== null;
    if (existed) this.db.write(this.name, this.id, null);
    return { deleted: existed ? 1 : 0 };
  }
}

class MemoryAggregate {
  private readonly stages: Doc[] = [];

  constructor(
    private readonly db: MemoryDatabase,
    private readonly name: string,
  ) {}

  private pipe(stage: string, param: unknown): this {
    this.stages.push({ [`$${stage}`]: param });
    return this;
  }

  match(query: unknown) {
    return this.pipe('match', encodeQuery(query));
  }
  group(spec: Doc) {
    return this.pipe('group', spec);
  }
  project(spec: Doc) {
    return this.pipe('project', spec);
  }
  addFields(spec: Doc) {
    return this.pipe('addFields', spec);
  }
  sort(spec: Doc) {
    return this.pipe('sort', spec);
  }
  skip(n: number) {
    return this.pipe('skip', n);
  }
  limit(n: number) {
    return this.pipe('limit', n);
  }
  count(field: string) {
    return this.pipe('count', field);
  }
  unwind(spec: unknown) {
    return this.pipe('unwind', spec);
  }
  replaceRoot(spec: Doc) {
    return this.pipe('replaceRoot', spec);
  }
  sortByCount(spec: unknown) {
    return this.pipe('sortByCount', spec);
  }

  async end(): Promise<{ data: Doc[] }> {
    await roundTrip();
    const limited = this.stages.some((s) => '$limit' in s);
    const pipeline = limited ? this.stages : [...this.stages, { $limit: AGGREGATE_DEFAULT_LIMIT }];
    const data = new Aggregator(pipeline, {}).run(this.db.docs(this.name)).map(copy);
    this.db.count('reads', this.name, data.length);
    return { data };
  }
}

// ---------------------------------------------------------------------------------------------
// Transactions

export class MemoryTransaction {
  aborted = false;
  abortReason: unknown;
  finished = false;
  /** `collection\0id` → the version first seen (0: absent). */
  private readonly seen = new Map<string, number>();
  /** `collection\0id` → what this transaction will write (null: delete). */
  private readonly pending = new Map<string, { name: string; id: string; doc: Doc | null }>();

  constructor(private readonly db: MemoryDatabase) {}

  private key(name: string, id: string) {
    return `${name}\u0000${id}`;
  }

  /** Note the version on first touch; fail as soon as a touched document changed under us. */
  private touch(name: string, id: string): string {
    if (this.finished) throw new MemoryCloudbaseError('DATABASE_REQUEST_FAILED', 'the transaction has ended');
    const key = this.key(name, id);
    const current = this.db.version(name, id);
    const first = this.seen.get(key);
    if (first === undefined) this.seen.set(key, current);
    else if (first !== current) throw new MemoryCloudbaseError(CONFLICT, 'database transaction conflict');
    return key;
  }

  private current(name: string, id: string): Doc | null {
    const key = this.touch(name, id);
    const pending = this.pending.get(key);
    return pending ? copy(pending.doc) : this.db.read(name, id);
  }

  private stage(name: string, id: string, doc: Doc | null) {
    this.pending.set(this.touch(name, id), { name, id, doc });
  }

  collection(name: string) {
    this.db.table(name);
    return {
      doc: (id: string | number) => {
        const docId = String(id);
        return {
          get: async (): Promise<{ data: Doc | null }> => {
            await roundTrip();
            const doc = this.current(name, docId);
            this.db.count('reads', name, doc ? 1 : 0);
            return { data: doc ? { ...doc, _id: docId } : null };
          },
          set: async (data: unknown) => {
            const doc = checkSetData(data);
            await roundTrip();
            this.db.count('writes', name);
            const existed = this.current(name, docId) !== null;
            this.stage(name, docId, doc);
            return { updated: existed ? 1 : 0, upserted: existed ? [] : [{ _id: docId }] };
          },
          update: async (data: unknown) => {
            const modifier = encodeUpdate(data);
            await roundTrip();
            this.db.count('writes', name);
            const doc = this.current(name, docId);
            if (!doc) return { updated: 0 };
            applyUpdate(doc, modifier);
            this.stage(name, docId, doc);
            return { updated: 1 };
          },
          remove: async () => {
            await roundTrip();
            this.db.count('writes', name);
            const existed = this.current(name, docId) !== null;
            this.stage(name, docId, null);
            return { deleted: existed ? 1 : 0 };
          },
        };
      },
      add: async (data: unknown) => {
        if (!isPlainObject(data)) throw new MemoryCloudbaseError('INVALID_PARAM', '参数必需是非空对象');
        await roundTrip();
        this.db.count('writes', name);
        const id = data._id === undefined ? newId() : String(data._id);
        if (this.current(name, id)) throw new MemoryCloudbaseError('DATABASE_REQUEST_FAILED', `duplicate _id ${id}`);
        this.stage(name, id, copy(data));
        return { inserted: 1, ok: 1, id };
      },
    };
  }

  async commit(): Promise<void> {
    await roundTrip();
    // Checked and applied in one synchronous step: no other request runs in between.
    for (const [key, version] of this.seen) {
      const [name, id] = key.split('\u0000') as [string, string];
      if (this.db.version(name, id) !== version) {
        this.discard();
        throw new MemoryCloudbaseError(CONFLICT, 'database transaction conflict');
      }
    }
    for (const { name, id, doc } of this.pending.values()) this.db.write(name, id, doc);
    this.finished = true;
  }

  async rollback(reason?: unknown): Promise<void> {
    await roundTrip();
    this.aborted = true;
    this.abortReason = reason;
    this.discard();
  }

  discard(): void {
    this.pending.clear();
    this.finished = true;
  }
}

// ---------------------------------------------------------------------------------------------

export function createMemoryDatabase(options?: MemoryDatabaseOptions): MemoryDatabase {
  return new MemoryDatabase(options);
}

/** An object that passes for a CloudBase app whose `database()` is the stand-in. */
export function memoryCloudbaseApp(db: MemoryDatabase): App {
  return { database: () => db } as unknown as App;
}
