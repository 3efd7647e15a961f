import { AppError, type ErrorCode } from '../../src/domain/errors';
import { SUGGESTION_STATUS_LABELS, type SuggestionStatus } from '../../src/domain/suggestion';
import {
  canMoveSuggestion,
  SUGGESTION_LIFECYCLE,
  suggestionTransition,
  type SuggestionAction,
  type SuggestionActor,
} from '../../src/domain/suggestion-lifecycle';

const STATUSES = Object.keys(SUGGESTION_STATUS_LABELS) as SuggestionStatus[];
const ACTIONS = Object.keys(SUGGESTION_LIFECYCLE) as SuggestionAction[];
const ACTORS: SuggestionActor[] = ['deputy', 'admin', 'unit', 'system'];

/** What `suggestionTransition` does: the new status, or the code of the AppError it throws. */
function outcome(status: SuggestionStatus, action: SuggestionAction, actor: SuggestionActor): string {
  try {
    return suggestionTransition(status, action, actor);
  } catch (error) {
    if (error instanceof AppError) return error.code satisfies ErrorCode;
    throw error;
  }
}

describe('the 建议 lifecycle table decides every (status, action, actor)', () => {
  test('the table uses only known statuses', () => {
    for (const row of Object.values(SUGGESTION_LIFECYCLE)) {
      expect(STATUSES).toEqual(expect.arrayContaining([...row.from]));
      if (row.to !== 'same') expect(STATUSES).toContain(row.to);
    }
  });

  test.each(ACTIONS)(
    '%s: the row’s target (same status for a recording step) when allowed, FORBIDDEN for a wrong actor, else CONFLICT',
    (action) => {
      const row = SUGGESTION_LIFECYCLE[action];
      const expected: Record<string, string> = {};
      const actual: Record<string, string> = {};
      for (const status of STATUSES) {
        for (const actor of ACTORS) {
          const key = `${status} by ${actor}`;
          const allowed = row.by.includes(actor) && row.from.includes(status);
          expected[key] = !row.by.includes(actor)
            ? 'FORBIDDEN'
            : !row.from.includes(status)
              ? 'CONFLICT'
              : row.to === 'same'
                ? status
                : row.to;
          actual[key] = outcome(status, action, actor);
          expect(canMoveSuggestion(status, action, actor)).toBe(allowed);
        }
      }
      expect(actual).toEqual(expected);
    },
  );

  test('a refusal for a wrong status says in Chinese that the state changed', () => {
    expect(() => suggestionTransition('settled', 'answer', 'unit')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: '这件建议的状态已经变化，请刷新后再操作' }),
    );
  });
});

describe('the rows of the 建议 lifecycle (docs/DESIGN.md, 代表建议 and 承办单位), written out', () => {
  test.each`
    status         | action             | actor       | result
    ${'draft'}     | ${'edit'}          | ${'deputy'} | ${'draft'}
    ${'draft'}     | ${'cosign'}        | ${'deputy'} | ${'draft'}
    ${'draft'}     | ${'submit'}        | ${'deputy'} | ${'submitted'}
    ${'draft'}     | ${'withdraw'}      | ${'deputy'} | ${'withdrawn'}
    ${'submitted'} | ${'withdraw'}      | ${'deputy'} | ${'withdrawn'}
    ${'submitted'} | ${'decline'}       | ${'admin'}  | ${'declined'}
    ${'submitted'} | ${'assign'}        | ${'admin'}  | ${'assigned'}
    ${'assigned'}  | ${'requestReturn'} | ${'unit'}   | ${'returned'}
    ${'returned'}  | ${'reassign'}      | ${'admin'}  | ${'assigned'}
    ${'returned'}  | ${'refuseReturn'}  | ${'admin'}  | ${'assigned'}
    ${'assigned'}  | ${'extend'}        | ${'admin'}  | ${'assigned'}
    ${'returned'}  | ${'extend'}        | ${'admin'}  | ${'returned'}
    ${'assigned'}  | ${'coView'}        | ${'unit'}   | ${'assigned'}
    ${'returned'}  | ${'coView'}        | ${'unit'}   | ${'returned'}
    ${'redo'}      | ${'coView'}        | ${'unit'}   | ${'redo'}
    ${'assigned'}  | ${'answer'}        | ${'unit'}   | ${'answered'}
    ${'redo'}      | ${'answer'}        | ${'unit'}   | ${'answered'}
    ${'answered'}  | ${'settle'}        | ${'deputy'} | ${'settled'}
    ${'answered'}  | ${'sendBack'}      | ${'deputy'} | ${'redo'}
    ${'answered'}  | ${'fulfil'}        | ${'unit'}   | ${'answered'}
    ${'settled'}   | ${'fulfil'}        | ${'unit'}   | ${'settled'}
    ${'submitted'} | ${'supervise'}     | ${'admin'}  | ${'submitted'}
    ${'answered'}  | ${'supervise'}     | ${'admin'}  | ${'answered'}
    ${'submitted'} | ${'markOverdue'}   | ${'system'} | ${'submitted'}
    ${'redo'}      | ${'markOverdue'}   | ${'system'} | ${'redo'}
    ${'returned'}  | ${'remind'}        | ${'system'} | ${'returned'}
    ${'submitted'} | ${'edit'}          | ${'deputy'} | ${'CONFLICT'}
    ${'submitted'} | ${'cosign'}        | ${'deputy'} | ${'CONFLICT'}
    ${'assigned'}  | ${'withdraw'}      | ${'deputy'} | ${'CONFLICT'}
    ${'draft'}     | ${'assign'}        | ${'admin'}  | ${'CONFLICT'}
    ${'assigned'}  | ${'assign'}        | ${'admin'}  | ${'CONFLICT'}
    ${'returned'}  | ${'requestReturn'} | ${'unit'}   | ${'CONFLICT'}
    ${'redo'}      | ${'requestReturn'} | ${'unit'}   | ${'CONFLICT'}
    ${'returned'}  | ${'answer'}        | ${'unit'}   | ${'CONFLICT'}
    ${'answered'}  | ${'answer'}        | ${'unit'}   | ${'CONFLICT'}
    ${'redo'}      | ${'extend'}        | ${'admin'}  | ${'CONFLICT'}
    ${'settled'}   | ${'sendBack'}      | ${'deputy'} | ${'CONFLICT'}
    ${'assigned'}  | ${'fulfil'}        | ${'unit'}   | ${'CONFLICT'}
    ${'settled'}   | ${'supervise'}     | ${'admin'}  | ${'CONFLICT'}
    ${'answered'}  | ${'markOverdue'}   | ${'system'} | ${'CONFLICT'}
    ${'submitted'} | ${'remind'}        | ${'system'} | ${'CONFLICT'}
    ${'draft'}     | ${'submit'}        | ${'admin'}  | ${'FORBIDDEN'}
    ${'submitted'} | ${'assign'}        | ${'deputy'} | ${'FORBIDDEN'}
    ${'submitted'} | ${'decline'}       | ${'unit'}   | ${'FORBIDDEN'}
    ${'assigned'}  | ${'answer'}        | ${'admin'}  | ${'FORBIDDEN'}
    ${'assigned'}  | ${'requestReturn'} | ${'admin'}  | ${'FORBIDDEN'}
    ${'returned'}  | ${'reassign'}      | ${'unit'}   | ${'FORBIDDEN'}
    ${'answered'}  | ${'settle'}        | ${'admin'}  | ${'FORBIDDEN'}
    ${'answered'}  | ${'settle'}        | ${'unit'}   | ${'FORBIDDEN'}
    ${'assigned'}  | ${'extend'}        | ${'unit'}   | ${'FORBIDDEN'}
    ${'assigned'}  | ${'markOverdue'}   | ${'admin'}  | ${'FORBIDDEN'}
  `('$action by $actor from $status → $result', ({ status, action, actor, result }) => {
    expect(outcome(status, action, actor)).toBe(result);
  });

  test.each(['declined', 'withdrawn'] as const)('%s is final: no action leads out of it', (status) => {
    for (const action of ACTIONS)
      for (const actor of ACTORS) expect(canMoveSuggestion(status, action, actor)).toBe(false);
  });

  test('a settled 建议 only takes the report that a B-class plan was carried out, and its follow-up', () => {
    const open = ACTIONS.filter((action) => ACTORS.some((actor) => canMoveSuggestion('settled', action, actor)));
    expect(open).toEqual(['fulfil', 'followPlan']);
  });

  test('only a deputy drafts, submits, withdraws and rates; only the committee decides; only a unit answers', () => {
    for (const action of ['edit', 'cosign', 'submit', 'withdraw', 'settle', 'sendBack'] as const)
      expect(SUGGESTION_LIFECYCLE[action].by).toEqual(['deputy']);
    for (const action of ['decline', 'assign', 'reassign', 'refuseReturn', 'extend', 'supervise'] as const)
      expect(SUGGESTION_LIFECYCLE[action].by).toEqual(['admin']);
    for (const action of ['requestReturn', 'coView', 'answer', 'fulfil'] as const)
      expect(SUGGESTION_LIFECYCLE[action].by).toEqual(['unit']);
    for (const action of ['markOverdue', 'remind'] as const)
      expect(SUGGESTION_LIFECYCLE[action].by).toEqual(['system']);
  });

  test('a deputy withdraws only before the committee has decided', () => {
    expect(STATUSES.filter((s) => canMoveSuggestion(s, 'withdraw', 'deputy')).sort()).toEqual(['draft', 'submitted']);
  });

  test('a unit is reminded only while it owes an answer, and nothing is overdue once answered', () => {
    expect(STATUSES.filter((s) => canMoveSuggestion(s, 'remind', 'system')).sort()).toEqual([
      'assigned',
      'redo',
      'returned',
    ]);
    expect(canMoveSuggestion('answered', 'markOverdue', 'system')).toBe(false);
    expect(canMoveSuggestion('settled', 'markOverdue', 'system')).toBe(false);
  });
});
