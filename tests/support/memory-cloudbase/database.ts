import { command, copy, type Doc, MemoryCloudbaseError, newId, roundTrip } from './commands';
import { MemoryCollection } from './query';
import { MemoryTransaction, TRANSACTION_CONFLICT } from './transaction';

/**
 * What CloudBase bills: one read per request that reads, one write per request that writes
 * (see tests/support/memory-cloudbase.ts for the rule); `documentsRead` is kept for information.
 */
export interface OperationCounts {
  reads: number;
  writes: number;
  documentsRead: number;
}

export interface MemoryDatabaseOptions {
  /** The collections that exist (others fail as on CloudBase); any name when omitted. */
  collections?: readonly string[];
}

interface Stored {
  doc: Doc;
  version: number;
}

/** The database: collections of documents, each write raising the document's version. */
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
      if (times > 0 && error instanceof MemoryCloudbaseError && error.code === TRANSACTION_CONFLICT) {
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

  // -- used by queries, aggregations and transactions --

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
