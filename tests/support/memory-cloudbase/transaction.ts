import { update as applyUpdate } from 'mingo';
import {
  checkSetData,
  copy,
  type Doc,
  encodeUpdate,
  isPlainObject,
  MemoryCloudbaseError,
  newId,
  roundTrip,
} from './commands';
import type { MemoryDatabase } from './database';

// Transactions: `runTransaction(callback)` and `startTransaction()`. A transaction's
// `collection(name).doc(id)` has get (→ `{ data: Doc | null }`), set, update, remove, and
// `collection(name).add`. Isolation is optimistic: a transaction whose documents another write
// changed since it first touched them fails with DATABASE_TRANSACTION_CONFLICT, and
// runTransaction runs the callback again, as the SDK does (up to 3 more times).

export const TRANSACTION_CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';

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
    else if (first !== current) throw new MemoryCloudbaseError(TRANSACTION_CONFLICT, 'database transaction conflict');
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

  private document(name: string, docId: string) {
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
  }

  collection(name: string) {
    this.db.table(name);
    return {
      doc: (id: string | number) => this.document(name, String(id)),
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
        throw new MemoryCloudbaseError(TRANSACTION_CONFLICT, 'database transaction conflict');
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
