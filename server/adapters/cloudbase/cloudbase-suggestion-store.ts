import type { Account } from '../../../src/domain/roles';
import type { HandlingUnit, Suggestion } from '../../../src/domain/suggestion';
import { type SuggestionFacts, suggestionFacts } from '../../../src/domain/suggestion-figures';
import type { SuggestionStore } from '../../ports/suggestion-store';
import { decodeCursor, encodeCursor } from '../cursor';
import { createCloudbaseSuggestionFigures } from './cloudbase-suggestion-figures';
import { getDocument, PAGE, putWithAudit, readAll, RolledBack, strip, txDocument, writeAudit } from './documents';
import { forgetTimelinesOf } from './opinion-timeline';
import { writeSideEffects } from './side-effects';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's query builder is untyped */
type Db = any;
type Tx = any;

/**
 * The facts a 建议 document carries beside its own fields: those not already fields of the 建议
 * (its status, 领衔 deputy, opinions and submission time are, with the same values).
 */
type StoredFacts = Omit<SuggestionFacts, 'status' | 'leadDeputyId' | 'opinionIds' | 'submittedAt'>;

const STORED_FACTS: Record<keyof StoredFacts, true> = {
  signerDeputyIds: true,
  leadUnitId: true,
  unitIds: true,
  assignedAt: true,
  dueDate: true,
  answeredAt: true,
  answeredOnTime: true,
  daysToAnswer: true,
  answerClass: true,
  satisfaction: true,
  returnedBy: true,
  supervisedCount: true,
};
// Typed so that it compiles only while no stored fact is named like a field of the 建议: such a
// field would be taken out of the 建议 when read back.
const FACT_FIELDS: ReadonlyArray<Exclude<keyof StoredFacts, keyof Suggestion>> = Object.keys(STORED_FACTS) as Array<
  keyof StoredFacts
>;

/** A 建议 as stored: the 建议 with its facts as top-level fields, for the queries and aggregates. */
export function suggestionDocument(s: Suggestion): Record<string, unknown> {
  const facts = suggestionFacts(s);
  const stored: Record<string, unknown> = {};
  for (const field of FACT_FIELDS) stored[field] = facts[field];
  return { ...s, ...stored };
}

/** The 建议 a stored document holds, without CloudBase's fields and its facts. */
export function suggestionFromDoc(doc: Record<string, unknown>): Suggestion {
  const rest = strip<Record<string, unknown>>(doc);
  for (const field of FACT_FIELDS) delete rest[field];
  return rest as unknown as Suggestion;
}

const byOrder = (a: HandlingUnit, b: HandlingUnit) => a.sortOrder - b.sortOrder || (a.id < b.id ? -1 : 1);

/**
 * 代表建议 and 承办单位 on CloudBase. A 建议 is one document (_id = its id) carrying its facts;
 * signers and units are arrays matched element by element. A change runs in one transaction:
 * the document read and its version compared, then written with the opinions' timeline lines,
 * the outbox and the audit line — a callback CloudBase runs again writes the same documents.
 */
export function createCloudbaseSuggestionStore(db: Db): SuggestionStore {
  const _ = db.command;
  const suggestions = () => db.collection('suggestions');
  const page = (res: { data?: Array<Record<string, unknown>> }) => (res.data ?? []).map(suggestionFromDoc);

  return {
    listHandlingUnits: async () => (await readAll<HandlingUnit>(db, 'handling_units')).sort(byOrder),
    getHandlingUnit: (unitId) => getDocument<HandlingUnit>(db.collection('handling_units'), unitId),
    putHandlingUnit: (unit, audit) => putWithAudit(db, 'handling_units', unit.id, unit, audit),
    listUnitAccounts: async (unitId) =>
      (await readAll<Account>(db, 'accounts', { unitId, role: 'unit' })).sort((a, b) => (a.openid < b.openid ? -1 : 1)),
    getSuggestion: async (suggestionId) => {
      const res = await suggestions().where({ _id: suggestionId }).limit(1).get();
      return page(res)[0] ?? null;
    },
    createSuggestion: async (suggestion, change) => {
      await db.runTransaction(async (tx: Tx) => {
        if (txDocument(await tx.collection('suggestions').doc(suggestion.id).get())) {
          throw new Error(`suggestion ${suggestion.id} exists already`);
        }
        await tx.collection('suggestions').doc(suggestion.id).set(suggestionDocument(suggestion));
        await writeSideEffects(tx, db.command, change.opinionEvents, change.outbox);
        await writeAudit(tx, change.audit);
      });
      forgetTimelinesOf(db, change.opinionEvents);
    },
    updateSuggestion: async (next, expectedVersion, change) => {
      try {
        await db.runTransaction(async (tx: Tx) => {
          const current = txDocument<Suggestion>(await tx.collection('suggestions').doc(next.id).get());
          if (!current || current.version !== expectedVersion) throw new RolledBack();
          await tx.collection('suggestions').doc(next.id).set(suggestionDocument(next));
          await writeSideEffects(tx, db.command, change.opinionEvents, change.outbox);
          await writeAudit(tx, change.audit);
        });
        forgetTimelinesOf(db, change.opinionEvents);
        return true;
      } catch (error) {
        if (error instanceof RolledBack) return false;
        throw error;
      }
    },
    listSuggestions: async (query) => {
      const where: Record<string, unknown> = {};
      if (query.deputyId !== undefined) where.signerDeputyIds = query.deputyId;
      if (query.unitId !== undefined) where.unitIds = query.unitId;
      if (query.statuses) {
        if (query.statuses.length === 0) return { items: [] };
        where.status = _.in([...query.statuses]);
      }
      const conditions: unknown[] = [where];
      const after = query.cursor ? decodeCursor(query.cursor) : null;
      if (after) {
        conditions.push(
          _.or([{ updatedAt: _.lt(after.createdAt) }, { updatedAt: after.createdAt, _id: _.lt(after.id) }]),
        );
      }
      const res = await suggestions()
        .where(_.and(conditions))
        .orderBy('updatedAt', 'desc')
        .orderBy('_id', 'desc')
        .limit(Math.min(query.limit + 1, PAGE))
        .get();
      const rows = page(res);
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      return rows.length > query.limit && last
        ? { items, cursor: encodeCursor({ createdAt: last.updatedAt, id: last.id }) }
        : { items };
    },
    listSuggestionsDue: async (onOrBefore, limit) => {
      // dueDate is null while nothing is pending: such 建议 are never due.
      const res = await suggestions()
        .where({ dueDate: _.neq(null).and(_.lte(onOrBefore)) })
        .orderBy('dueDate', 'asc')
        .orderBy('_id', 'asc')
        .limit(Math.min(limit, PAGE))
        .get();
      return page(res);
    },
    ...createCloudbaseSuggestionFigures(db),
  };
}
