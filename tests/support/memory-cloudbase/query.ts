import { Aggregator, update as applyUpdate } from 'mingo';
import { MemoryAggregate } from './aggregate';
import {
  checkSetData,
  copy,
  type Doc,
  encodeQuery,
  encodeUpdate,
  isPlainObject,
  MemoryCloudbaseError,
  newId,
  roundTrip,
} from './commands';
import type { MemoryDatabase } from './database';

// Queries as the SDK builds them — collection(name).where(…).orderBy(…).skip(…).limit(…) —
// and single documents, with the server's limits: 100 documents unless limited, 1,000 at most.

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

interface QueryOptions {
  filter?: Doc;
  order?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Doc;
}

export class MemoryQuery {
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

export class MemoryCollection extends MemoryQuery {
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
