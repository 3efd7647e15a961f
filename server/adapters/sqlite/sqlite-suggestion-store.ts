import type { HandlingUnit, Suggestion } from '../../../src/domain/suggestion';
import { suggestionFacts } from '../../../src/domain/suggestion-figures';
import type { AuditEntry } from '../../ports/store-types';
import type { SuggestionChange, SuggestionStore } from '../../ports/suggestion-store';
import { decodeCursor, encodeCursor } from '../cursor';
import type { SqliteDatabase } from './database';
import { type AccountRow, accountFromRow, auditWriter, sideEffectWriter } from './rows';
import { createSqliteSuggestionFigures } from './sqlite-suggestion-figures';

interface UnitRow {
  id: string;
  name: string;
  active: number;
  sort_order: number;
}

const unitFromRow = (r: UnitRow): HandlingUnit => ({
  id: r.id,
  name: r.name,
  active: r.active === 1,
  sortOrder: r.sort_order,
});

/** A 建议 as a row of `suggestions` (migration 14): the JSON and its facts as columns. */
export const suggestionRow = (s: Suggestion) => {
  const f = suggestionFacts(s);
  return {
    id: s.id,
    doc: JSON.stringify(s),
    version: s.version,
    updated_at: s.updatedAt,
    status: f.status,
    lead_deputy_id: f.leadDeputyId,
    lead_unit_id: f.leadUnitId,
    submitted_at: f.submittedAt,
    assigned_at: f.assignedAt,
    due_date: f.dueDate,
    answered_at: f.answeredAt,
    answered_on_time: f.answeredOnTime === null ? null : f.answeredOnTime ? 1 : 0,
    days_to_answer: f.daysToAnswer,
    answer_class: f.answerClass,
    satisfaction: f.satisfaction,
    supervised_count: f.supervisedCount,
  };
};

type SuggestionRow = ReturnType<typeof suggestionRow>;

// Every column of the row, each once: the statements below are written from this list.
const ROW_COLUMNS: Record<keyof SuggestionRow, true> = {
  id: true,
  doc: true,
  version: true,
  updated_at: true,
  status: true,
  lead_deputy_id: true,
  lead_unit_id: true,
  submitted_at: true,
  assigned_at: true,
  due_date: true,
  answered_at: true,
  answered_on_time: true,
  days_to_answer: true,
  answer_class: true,
  satisfaction: true,
  supervised_count: true,
};
const COLUMNS = Object.keys(ROW_COLUMNS);

const parse = (row: unknown) => (row ? (JSON.parse((row as { doc: string }).doc) as Suggestion) : null);

/**
 * 代表建议 and 承办单位 on SQLite. A 建议 is one row, its facts in columns and in the join
 * tables of its signers, units and 退回, all rewritten in the transaction that writes it, with
 * its audit line, the opinions' timeline lines and the outbox.
 */
export function createSqliteSuggestionStore(db: SqliteDatabase): SuggestionStore {
  const writeAudit = auditWriter(db);
  const writeSideEffects = sideEffectWriter(db);
  const listUnits = db.prepare('SELECT * FROM handling_units ORDER BY sort_order, id');
  const getUnit = db.prepare('SELECT * FROM handling_units WHERE id = ?');
  const putUnit = db.prepare(
    `INSERT INTO handling_units (id, name, active, sort_order) VALUES (@id, @name, @active, @sort_order)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, active = excluded.active, sort_order = excluded.sort_order`,
  );
  const unitAccounts = db.prepare("SELECT * FROM accounts WHERE unit_id = ? AND role = 'unit' ORDER BY openid");
  const byId = db.prepare('SELECT doc FROM suggestions WHERE id = ?');
  const insertRow = db.prepare(
    `INSERT INTO suggestions (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`,
  );
  const updateRow = db.prepare(
    `UPDATE suggestions SET ${COLUMNS.filter((c) => c !== 'id')
      .map((c) => `${c} = @${c}`)
      .join(', ')} WHERE id = @id AND version = @expected`,
  );
  const clear = ['suggestion_deputies', 'suggestion_units', 'suggestion_returns'].map((table) =>
    db.prepare(`DELETE FROM ${table} WHERE suggestion_id = ?`),
  );
  const insertDeputy = db.prepare('INSERT INTO suggestion_deputies (suggestion_id, deputy_id) VALUES (?, ?)');
  const insertUnit = db.prepare('INSERT INTO suggestion_units (suggestion_id, unit_id) VALUES (?, ?)');
  const insertReturn = db.prepare(
    'INSERT INTO suggestion_returns (suggestion_id, seq, unit_id, submitted_at) VALUES (?, ?, ?, ?)',
  );
  const due = db.prepare(
    'SELECT doc FROM suggestions WHERE due_date IS NOT NULL AND due_date <= ? ORDER BY due_date, id LIMIT ?',
  );

  /** The join rows of a 建议, as its facts now have them. */
  const writeFacts = (s: Suggestion) => {
    const f = suggestionFacts(s);
    for (const statement of clear) statement.run(s.id);
    for (const deputyId of new Set(f.signerDeputyIds)) insertDeputy.run(s.id, deputyId);
    for (const unitId of new Set(f.unitIds)) insertUnit.run(s.id, unitId);
    f.returnedBy.forEach((unitId, seq) => insertReturn.run(s.id, seq, unitId, f.submittedAt));
  };
  const writeChange = (s: Suggestion, change: SuggestionChange) => {
    writeFacts(s);
    writeSideEffects(change.opinionEvents, change.outbox);
    writeAudit(change.audit);
  };

  const writeUnit = db.transaction((unit: HandlingUnit, audit: AuditEntry) => {
    putUnit.run({ id: unit.id, name: unit.name, active: unit.active ? 1 : 0, sort_order: unit.sortOrder });
    writeAudit(audit);
  });
  const create = db.transaction((s: Suggestion, change: SuggestionChange) => {
    insertRow.run(suggestionRow(s));
    writeChange(s, change);
  });
  const update = db.transaction((s: Suggestion, expected: number, change: SuggestionChange) => {
    if (updateRow.run({ ...suggestionRow(s), expected }).changes === 0) return false;
    writeChange(s, change);
    return true;
  });

  return {
    listHandlingUnits: async () => (listUnits.all() as UnitRow[]).map(unitFromRow),
    getHandlingUnit: async (unitId) => {
      const row = getUnit.get(unitId) as UnitRow | undefined;
      return row ? unitFromRow(row) : null;
    },
    putHandlingUnit: async (unit, audit) => writeUnit(unit, audit),
    listUnitAccounts: async (unitId) => (unitAccounts.all(unitId) as AccountRow[]).map(accountFromRow),
    getSuggestion: async (suggestionId) => parse(byId.get(suggestionId)),
    createSuggestion: async (suggestion, change) => create(suggestion, change),
    updateSuggestion: async (next, expectedVersion, change) => update(next, expectedVersion, change),
    listSuggestions: async (query) => {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (clause: string, ...values: unknown[]) => {
        where.push(clause);
        params.push(...values);
      };
      if (query.deputyId !== undefined) {
        add('id IN (SELECT suggestion_id FROM suggestion_deputies WHERE deputy_id = ?)', query.deputyId);
      }
      if (query.unitId !== undefined) {
        add('id IN (SELECT suggestion_id FROM suggestion_units WHERE unit_id = ?)', query.unitId);
      }
      if (query.statuses) {
        if (query.statuses.length === 0) return { items: [] };
        add(`status IN (${query.statuses.map(() => '?').join(', ')})`, ...query.statuses);
      }
      const after = query.cursor ? decodeCursor(query.cursor) : null;
      if (after) add('(updated_at < ? OR (updated_at = ? AND id < ?))', after.createdAt, after.createdAt, after.id);
      const sql = `SELECT doc FROM suggestions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY updated_at DESC, id DESC LIMIT ?`;
      const rows = db.prepare(sql).all(...params, query.limit + 1);
      const items = rows.slice(0, query.limit).map((r) => parse(r) as Suggestion);
      const last = items[items.length - 1];
      return rows.length > query.limit && last
        ? { items, cursor: encodeCursor({ createdAt: last.updatedAt, id: last.id }) }
        : { items };
    },
    listSuggestionsDue: async (onOrBefore, limit) => due.all(onOrBefore, limit).map((r) => parse(r) as Suggestion),
    ...createSqliteSuggestionFigures(db),
  };
}
