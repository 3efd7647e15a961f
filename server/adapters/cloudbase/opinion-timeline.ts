import type { TimelineEvent } from '../../../src/domain/opinion';
import { actionScoped } from '../action-scope';
import { PAGE, strip, txDocument } from './documents';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's query builder is untyped */
type Db = any;
type Tx = any;
type Command = any;
type Doc = Record<string, unknown>;

/*
 * An opinion's timeline on CloudBase lives in its own document (`timeline`, the lines in order),
 * so that opening an opinion is one read and a change of it writes one document, not two
 * (docs/SCALING.md). Opinions written before that kept their lines in `opinion_events`; document
 * migration 5 moves them in (`inlineTimeline`), and until then such an opinion's lines are read
 * from both places.
 */

/** The field of an opinion document holding its timeline lines, in order. */
export const TIMELINE_FIELD = 'timeline';

/**
 * The field saying the document holds its whole timeline: set on every opinion created since
 * timelines moved into their opinions, and by document migration 5 on older ones.
 */
export const WHOLE_TIMELINE_FIELD = 'timelineWhole';

/**
 * The whole timelines the current action has read or written through the stores of `db`, by
 * opinion id (none outside an action). Kept for the action only; a store that adds lines to an
 * opinion without rewriting it (a 附议, a 建议's lines, a line for another opinion) drops that
 * opinion's, so that the action reads it again.
 */
export function keptTimelines(db: object): Map<string, TimelineEvent[]> | undefined {
  return actionScoped(db, () => new Map<string, TimelineEvent[]>());
}

/** Drop what the current action keeps of the timelines of the opinions `events` add lines to. */
export function forgetTimelinesOf(db: object, events: readonly TimelineEvent[]): void {
  const kept = keptTimelines(db);
  for (const e of events) kept?.delete(e.opinionId);
}

/** The lines of `events` for `opinionId`, and those for other opinions. */
export function splitLines(
  events: readonly TimelineEvent[],
  opinionId: string,
): { own: TimelineEvent[]; others: TimelineEvent[] } {
  const own: TimelineEvent[] = [];
  const others: TimelineEvent[] = [];
  for (const e of events) (e.opinionId === opinionId ? own : others).push({ ...e });
  return { own, others };
}

/** The lines an opinion document holds itself (none for a document from before the field). */
export function linesIn(doc: Doc | null | undefined): TimelineEvent[] {
  const lines = doc?.[TIMELINE_FIELD];
  return Array.isArray(lines) ? (lines as TimelineEvent[]) : [];
}

/** An opinion document's own lines as documents of `timelineOf`. */
const asDocs = (doc: Doc): Doc[] => linesIn(doc).map((line) => ({ ...line }));

/** Whether the document holds its whole timeline, so that no `opinion_events` need be read. */
export const holdsWholeTimeline = (doc: Doc | null | undefined): boolean => doc?.[WHOLE_TIMELINE_FIELD] === true;

/**
 * Append, inside a transaction, the lines a change adds to opinions whose documents it does not
 * rewrite (a 建议 naming its source opinions, a 附议): one `push` per opinion, which adds to what
 * is stored without reading it. A line for an opinion that does not exist is dropped with it.
 */
export async function pushLines(tx: Tx, _: Command, events: readonly TimelineEvent[]): Promise<void> {
  const byOpinion = new Map<string, TimelineEvent[]>();
  for (const e of events) byOpinion.set(e.opinionId, [...(byOpinion.get(e.opinionId) ?? []), { ...e }]);
  for (const [opinionId, lines] of byOpinion) {
    await tx
      .collection('opinions')
      .doc(opinionId)
      .update({ [TIMELINE_FIELD]: _.push(lines) });
  }
}

/**
 * The timeline lines of `opinion_events` documents (and of an opinion document's own field) in
 * time order: a document of one change holds its lines in `lines`; one written before that, or by
 * a 附议, is one line itself. Sorted stably, so lines of one time keep their order.
 */
export function timelineOf(docs: ReadonlyArray<Record<string, unknown>>): TimelineEvent[] {
  const lines = docs.flatMap((doc) => {
    if (Array.isArray(doc.lines)) return doc.lines as TimelineEvent[];
    const { seq: _seq, ...line } = strip<TimelineEvent & { seq?: number }>(doc);
    return [line];
  });
  return lines
    .map((line, i) => ({ line, i }))
    .sort((a, b) => a.line.at - b.line.at || a.i - b.i)
    .map(({ line }) => line);
}

/** Every line of `opinion_events` of one opinion (documents from before timelines moved in). */
async function legacyLines(db: Db, opinionId: string): Promise<Doc[]> {
  const out: Doc[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const res = await db
      .collection('opinion_events')
      .where({ opinionId })
      .orderBy('at', 'asc')
      .orderBy('seq', 'asc')
      .skip(skip)
      .limit(PAGE)
      .get();
    out.push(...(res.data ?? []));
    if ((res.data ?? []).length < PAGE) break;
  }
  return out;
}

/**
 * The timeline of an opinion document as read: its own lines when it holds the whole timeline;
 * otherwise those of `opinion_events` and its own together, in time order.
 */
export async function timelineOfDocument(db: Db, doc: Doc): Promise<TimelineEvent[]> {
  if (holdsWholeTimeline(doc)) return linesIn(doc);
  return timelineOf([...(await legacyLines(db, String(doc._id))), ...asDocs(doc)]);
}

/**
 * Document migration 5: move an older opinion's `opinion_events` lines into its document, mark it
 * whole and delete them, in one transaction that reads the document again. The old lines no
 * longer change (every new line goes into the document), so reading them before the transaction
 * is safe; a document already whole is left alone, so a repeated run moves nothing twice.
 */
export async function inlineTimeline(db: Db, doc: Doc): Promise<number> {
  const id = String(doc._id);
  const legacy = await legacyLines(db, id);
  return db.runTransaction(async (tx: Tx) => {
    const current = txDocument<Doc>(await tx.collection('opinions').doc(id).get());
    if (!current || holdsWholeTimeline(current)) return 0;
    await tx
      .collection('opinions')
      .doc(id)
      .update({ [TIMELINE_FIELD]: timelineOf([...legacy, ...asDocs(current)]), [WHOLE_TIMELINE_FIELD]: true });
    for (const line of legacy) await tx.collection('opinion_events').doc(String(line._id)).remove();
    return 1;
  });
}
