import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createCloudbaseSuggestionStore,
  suggestionDocument,
} from '../../server/adapters/cloudbase/cloudbase-suggestion-store';
import { openDatabase } from '../../server/adapters/sqlite/database';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { SUGGESTION_COUNTS_SQL } from '../../server/adapters/sqlite/sqlite-suggestion-figures';
import type { SuggestionStore } from '../../server/ports/suggestion-store';
import type { Satisfaction } from '../../src/domain/opinion';
import type { AnswerClass, Suggestion } from '../../src/domain/suggestion';
import {
  type AnswerDaysCount,
  suggestionFacts,
  type UnitCounts,
  type UnitReturnCount,
  ZERO_UNIT_COUNTS,
} from '../../src/domain/suggestion-figures';
import { createMemoryDatabase, sdkDatabaseOver } from '../support/memory-cloudbase';
import { seededRandom } from '../support/seeded-random';
import {
  answered,
  aSuggestion,
  assigned,
  DAY_MS,
  keySupervised,
  markedOverdue,
  rated,
  returnAsked,
  submitted,
  type SuggestionStep,
} from '../support/suggestion-builders';

// Both stores count the same 3,000 建议 — 40 units, up to 60 answer days each: more groups than
// the 1,000 results one CloudBase aggregation returns — and must agree with a recount here, from
// each 建议's facts. The CloudBase pipeline is the real SDK's, run in memory.

const START = Date.UTC(2025, 0, 1, 2, 0);
const [FROM, TO] = [START + 30 * DAY_MS, START + 300 * DAY_MS];

function suggestions(n: number): Suggestion[] {
  const rnd = seededRandom(20250101);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const unit = () => `unit-${String(Math.floor(rnd() * 40)).padStart(2, '0')}`;
  return Array.from({ length: n }, (_v, i) => {
    const at = START + Math.floor(rnd() * 330 * DAY_MS);
    const steps: SuggestionStep[] = [submitted(at)];
    const stage = rnd();
    if (stage > 0.1) {
      if (rnd() < 0.1) steps.push(assigned(unit(), at + DAY_MS), returnAsked(unit(), at + 2 * DAY_MS));
      steps.push(assigned(unit(), at + 3 * DAY_MS, rnd() < 0.3 ? [unit()] : []));
      if (rnd() < 0.05) steps.push(returnAsked(unit(), at + 4 * DAY_MS));
    }
    if (stage > 0.2) {
      const days = 3 + Math.floor(rnd() * 60);
      steps.push(answered(pick<AnswerClass>(['A', 'B', 'C']), at + (3 + days) * DAY_MS, days < 45));
      if (rnd() < 0.6)
        steps.push(rated(pick<Satisfaction>(['satisfied', 'basically_satisfied', 'dissatisfied']), at + 70 * DAY_MS));
    }
    if (rnd() < 0.1) steps.push(markedOverdue('2025-06-01'));
    if (rnd() < 0.05) steps.push(keySupervised(at + 5 * DAY_MS));
    return aSuggestion({ id: `sg-${String(i).padStart(5, '0')}`, createdAt: at }, ...steps);
  });
}

const ALL = suggestions(3000);
const inPeriod = (at: number | null): at is number => at !== null && at >= FROM && at < TO;
const byUnit = <T extends { unitId: string }>(a: T, b: T) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);

/** The four counts, from each 建议's facts, one by one. */
function recount() {
  const facts = ALL.map(suggestionFacts);
  const statuses: Record<string, number> = {};
  const units = new Map<string, UnitCounts>();
  const returns = new Map<string, number>();
  const days = new Map<string, AnswerDaysCount>();
  for (const f of facts) {
    if (inPeriod(f.submittedAt)) {
      statuses[f.status] = (statuses[f.status] ?? 0) + 1;
      for (const unitId of f.returnedBy) returns.set(unitId, (returns.get(unitId) ?? 0) + 1);
    }
    if (!inPeriod(f.assignedAt) || f.leadUnitId === null) continue;
    const u = units.get(f.leadUnitId) ?? { unitId: f.leadUnitId, ...ZERO_UNIT_COUNTS };
    units.set(f.leadUnitId, u);
    u.assigned += 1;
    if (f.answeredAt !== null) u.answered += 1;
    if (f.answeredOnTime) u.answeredOnTime += 1;
    if (f.answerClass === 'A') u.classA += 1;
    if (f.answerClass === 'B') u.classB += 1;
    if (f.answerClass === 'C') u.classC += 1;
    if (f.satisfaction === 'satisfied') u.satisfied += 1;
    if (f.satisfaction === 'basically_satisfied') u.basicallySatisfied += 1;
    if (f.satisfaction === 'dissatisfied') u.dissatisfied += 1;
    if (f.supervisedCount > 0) u.supervised += 1;
    if (f.daysToAnswer !== null) {
      const key = `${f.leadUnitId}/${f.daysToAnswer}`;
      const row = days.get(key) ?? { unitId: f.leadUnitId, days: f.daysToAnswer, count: 0 };
      days.set(key, { ...row, count: row.count + 1 });
    }
  }
  return {
    statuses,
    units: [...units.values()].sort(byUnit),
    returns: [...returns].map(([unitId, n]): UnitReturnCount => ({ unitId, returns: n })).sort(byUnit),
    days: [...days.values()].sort((a, b) => byUnit(a, b) || a.days - b.days),
  };
}

const expected = recount();

type Counting = () => Promise<{ store: SuggestionStore; dispose: () => Promise<void> }>;

const describeCounts = (name: string, open: Counting) =>
  describe(`${name} counts the 建议 of a period as a recount does`, () => {
    let opened: Awaited<ReturnType<Counting>>;
    beforeAll(async () => {
      opened = await open();
    });
    afterAll(() => opened.dispose());

    test('more than 1,000 answer-day groups: the recount has them all', () => {
      expect(expected.days.length).toBeGreaterThan(1000);
    });
    test('by status', async () => {
      expect(await opened.store.countSuggestionsByStatus(FROM, TO)).toEqual(expected.statuses);
    });
    test('by 主办 unit', async () => {
      expect(await opened.store.countSuggestionsByUnit(FROM, TO)).toEqual(expected.units);
    });
    test('退回 by unit', async () => {
      expect(await opened.store.countSuggestionReturns(FROM, TO)).toEqual(expected.returns);
    });
    test('answer days by unit', async () => {
      expect(await opened.store.countAnswerDays(FROM, TO)).toEqual(expected.days);
    });
  });

describeCounts('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lianluo-suggestion-counts-'));
  const store = createSqliteStore(join(dir, 'store.sqlite'));
  const audit = { at: START, actor: 'system', action: 'test', targetType: 'suggestion', targetId: '' };
  for (const s of ALL) await store.createSuggestion(s, { audit, opinionEvents: [], outbox: [] });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeCounts('CloudBase (the SDK’s real pipeline, run in memory)', async () => {
  const memory = createMemoryDatabase();
  memory.load(
    'suggestions',
    ALL.map((s) => ({ _id: s.id, ...suggestionDocument(s) })),
  );
  const calls: string[] = [];
  const db = sdkDatabaseOver(memory, calls);
  return {
    store: createCloudbaseSuggestionStore(db),
    dispose: async () => {
      // aggregate calls only: no document list was ever asked for
      expect(new Set(calls)).toEqual(new Set(['database.aggregateDocuments']));
    },
  };
});

describe('the SQLite schema of 代表建议', () => {
  const { BY_STATUS, BY_UNIT, RETURNS, ANSWER_DAYS } = SUGGESTION_COUNTS_SQL;
  const PERIOD = [FROM, TO];
  test.each`
    name                            | sql                                                                                                                                                        | params                | index
    ${'listUnitAccounts'}           | ${"SELECT * FROM accounts WHERE unit_id = ? AND role = 'unit' ORDER BY openid"}                                                                            | ${['u']}              | ${'accounts_unit_role'}
    ${'listHandlingUnits'}          | ${'SELECT * FROM handling_units ORDER BY sort_order, id'}                                                                                                  | ${[]}                 | ${'handling_units_sort'}
    ${'listSuggestionsDue'}         | ${'SELECT doc FROM suggestions WHERE due_date IS NOT NULL AND due_date <= ? ORDER BY due_date, id LIMIT ?'}                                                | ${['2026-03-01', 10]} | ${'suggestions_due'}
    ${'listSuggestions (all)'}      | ${'SELECT doc FROM suggestions ORDER BY updated_at DESC, id DESC LIMIT ?'}                                                                                 | ${[20]}               | ${'suggestions_updated'}
    ${'listSuggestions (statuses)'} | ${'SELECT doc FROM suggestions WHERE status IN (?) ORDER BY updated_at DESC, id DESC LIMIT ?'}                                                             | ${['assigned', 20]}   | ${'suggestions_status_updated'}
    ${'listSuggestions (deputy)'}   | ${'SELECT doc FROM suggestions WHERE id IN (SELECT suggestion_id FROM suggestion_deputies WHERE deputy_id = ?) ORDER BY updated_at DESC, id DESC LIMIT ?'} | ${['d', 20]}          | ${'suggestion_deputies_deputy'}
    ${'listSuggestions (unit)'}     | ${'SELECT doc FROM suggestions WHERE id IN (SELECT suggestion_id FROM suggestion_units WHERE unit_id = ?) ORDER BY updated_at DESC, id DESC LIMIT ?'}      | ${['u', 20]}          | ${'suggestion_units_unit'}
    ${'countSuggestionsByStatus'}   | ${BY_STATUS}                                                                                                                                               | ${PERIOD}             | ${'COVERING INDEX suggestions_submitted'}
    ${'countSuggestionsByUnit'}     | ${BY_UNIT}                                                                                                                                                 | ${PERIOD}             | ${'COVERING INDEX suggestions_assigned'}
    ${'countSuggestionReturns'}     | ${RETURNS}                                                                                                                                                 | ${PERIOD}             | ${'COVERING INDEX suggestion_returns_submitted'}
    ${'countAnswerDays'}            | ${ANSWER_DAYS}                                                                                                                                             | ${PERIOD}             | ${'COVERING INDEX suggestions_assigned'}
  `('$name reads $index', ({ sql, params, index }: { sql: string; params: unknown[]; index: string }) => {
    const dir = mkdtempSync(join(tmpdir(), 'lianluo-suggestion-plan-'));
    const db = openDatabase(join(dir, 'plan.sqlite'));
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>)
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toContain(index);
    expect(plan).not.toMatch(/SCAN (accounts|handling_units|suggestions|suggestion_\w+)(?! USING)/);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
