import { randomUUID } from 'node:crypto';
import type { OutboxMessage } from '../../ports/opinion-store';
import { type AuditEntry, REFERENCE_DATA, type ReferenceData, referenceVersionMarker } from '../../ports/store-types';
import { FIGURES_FIELD } from './cloudbase-figures';

/**
 * An opinion document's derived field for the retention job: when the opinion, still holding a
 * contact, ended (src/domain/personal-data.ts, contactEndedAt); absent otherwise.
 */
export const CONTACT_ENDED_FIELD = 'contactEndedAt';

/**
 * The field of an opinion document saying how much of it the counters hold
 * (cloudbase-counters.ts, countedPart). Every create and update sets COUNTED_WITH_OPEN; documents
 * written before the counters existed lack it until document migration 4 has counted them (an
 * update of one adds its whole new contribution instead of a change), and documents counted
 * before the open cases moved onto the figure counters hold LEGACY_COUNTED until document
 * migration 6 has moved theirs.
 */
export const COUNTED_FIELD = 'counted';

/** Figures and open case both on the figure counters. */
export const COUNTED_WITH_OPEN = 2;

/** Figures on the figure counters, the open case on the retired open_case_counters. */
export const LEGACY_COUNTED = true;

/** The most documents one server-side query may return (the default is 100). */
export const PAGE = 1000;

/** Thrown inside a transaction's callback to roll it back when a condition no longer holds. */
export class RolledBack extends Error {}

/**
 * A document without CloudBase's own fields (and the opinions' derived figure, counter and
 * retention fields), so that it compares equal to what the SQLite adapter returns.
 */
export function strip<T>(doc: Record<string, unknown>): T {
  const {
    _id: _ignoredId,
    _openid: _ignoredOpenid,
    [FIGURES_FIELD]: _ignoredFigures,
    [CONTACT_ENDED_FIELD]: _ignoredEnded,
    [COUNTED_FIELD]: _ignoredCounted,
    // An opinion's timeline is read apart from it (opinion-timeline.ts).
    timeline: _ignoredTimeline,
    timelineWhole: _ignoredWhole,
    ...rest
  } = doc;
  return rest as T;
}

/** The slice of a CloudBase collection reference that `getDocument` needs. */
interface Queryable {
  where(query: object): { limit(n: number): { get(): Promise<{ data?: unknown }> } };
}

/** One document by _id, stripped, or null. (A where-query: `doc(id).get()` fails on a missing id.) */
export async function getDocument<T>(collection: Queryable, id: string): Promise<T | null> {
  const res = await collection.where({ _id: id }).limit(1).get();
  const doc = (res.data as Array<Record<string, unknown>> | undefined)?.[0];
  return doc ? strip<T>(doc) : null;
}

/** The document a transaction's `doc(id).get()` found (the SDK answers an object or a one-item array), or undefined. */
export function txDocument<T = Record<string, unknown>>(res: { data?: unknown }): T | undefined {
  return (Array.isArray(res.data) ? res.data[0] : res.data) as T | undefined;
}

/**
 * An outbox document as the port's OutboxMessage. Messages written before the field was named
 * for what it holds (an opinion or a station) carry their subject as `opinionId`.
 */
export function outboxFromDoc(doc: Record<string, unknown>): OutboxMessage {
  const { opinionId: legacy, ...rest } = strip<OutboxMessage & { opinionId?: string }>(doc);
  return { ...rest, subjectId: rest.subjectId ?? legacy ?? '' };
}

/**
 * Writes one audit line through `target`: a transaction, so that it stands or falls with the
 * change it records, or the database for a line that records no change. Its id leads with the
 * time, so that the log reads in order.
 */
export async function writeAudit(
  target: { collection(name: 'audit_log'): { doc(id: string): { set(data: object): Promise<unknown> } } },
  audit: AuditEntry,
): Promise<void> {
  await target
    .collection('audit_log')
    .doc(`${audit.at}-${randomUUID()}`)
    .set({ ...audit });
}

/** The slice of a CloudBase database that `readAll` needs. */
interface Pageable {
  command: { gt(value: string): unknown };
  collection(name: string): {
    where(query: object): {
      orderBy(field: '_id', direction: 'asc'): { limit(n: number): { get(): Promise<{ data?: unknown }> } };
    };
  };
}

/** Every document of `name` matching `where`, stripped, in _id order, read a page (PAGE) at a time. */
export async function readAll<T>(db: Pageable, name: string, where: Record<string, unknown> = {}): Promise<T[]> {
  const out: T[] = [];
  let after: string | undefined;
  for (;;) {
    const condition = after === undefined ? where : { ...where, _id: db.command.gt(after) };
    const res = await db.collection(name).where(condition).orderBy('_id', 'asc').limit(PAGE).get();
    const page = (res.data ?? []) as Array<Record<string, unknown>>;
    for (const doc of page) out.push(strip<T>(doc));
    if (page.length < PAGE) return out;
    after = String(page[page.length - 1]?._id);
  }
}

/** The slice of a transaction that `putWithAudit` needs. */
interface PutTx {
  collection(name: string): { doc(id: string): { set(data: object): Promise<unknown> } };
}

/**
 * Inside the transaction of a write of reference data of `kind` (REFERENCE_DATA): a new token
 * of that kind in `Store.referenceVersion`, so that every warm instance reads that kind again. A
 * fresh random value needs no read, and two writers at once still leave a value no copy was made under.
 */
export async function bumpReferenceVersion(tx: PutTx, kind: ReferenceData): Promise<void> {
  await tx.collection('markers').doc(referenceVersionMarker(kind)).set({ value: randomUUID() });
}

const isReferenceData = (name: string): name is ReferenceData => (REFERENCE_DATA as readonly string[]).includes(name);

/** Write a document whole and its audit line, in one transaction (and a new reference version for reference data). */
export async function putWithAudit(
  db: { runTransaction(callback: (tx: PutTx) => Promise<void>): Promise<unknown> },
  name: string,
  id: string,
  data: object,
  audit: AuditEntry,
): Promise<void> {
  await db.runTransaction(async (tx) => {
    await tx
      .collection(name)
      .doc(id)
      .set({ ...data });
    await writeAudit(tx, audit);
    if (isReferenceData(name)) await bumpReferenceVersion(tx, name);
  });
}

/** The slice of a CloudBase database that `aggregateAll` needs. */
interface Aggregatable {
  collection(name: string): { aggregate(): unknown };
}

/**
 * Every result of the aggregation `pipeline` builds on collection `name`, sorted by `order`
 * (which must make the order total, e.g. the group keys), read a page (PAGE) at a time: an
 * aggregation returns at most 1,000 results, and fewer unless limited.
 */
export async function aggregateAll(
  db: Aggregatable,
  name: string,
  pipeline: (aggregate: any) => any, // eslint-disable-line @typescript-eslint/no-explicit-any -- the SDK's aggregate builder is untyped
  order: Record<string, 1 | -1>,
): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  for (let skip = 0; ; skip += PAGE) {
    const res = await pipeline(db.collection(name).aggregate()).sort(order).skip(skip).limit(PAGE).end();
    const rows = (res.data ?? []) as Array<Record<string, unknown>>;
    out.push(...rows);
    if (rows.length < PAGE) return out;
  }
}
