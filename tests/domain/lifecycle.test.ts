import { AppError, type ErrorCode } from '../../src/domain/errors';
import { canTransition, LIFECYCLE, transition, type OpinionAction } from '../../src/domain/lifecycle';
import { OPINION_STATUS_LABELS, type ActorRole, type OpinionStatus } from '../../src/domain/opinion';

const STATUSES = Object.keys(OPINION_STATUS_LABELS) as OpinionStatus[];
const ACTIONS = Object.keys(LIFECYCLE) as OpinionAction[];
const ACTORS: ActorRole[] = ['voter', 'deputy', 'staff', 'admin', 'system'];

/** What `transition` does: the new status, or the code of the AppError it throws. */
function outcome(status: OpinionStatus, action: OpinionAction, actor: ActorRole): OpinionStatus | ErrorCode {
  try {
    return transition(status, action, actor);
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('the lifecycle table decides every (status, action, actor)', () => {
  test('the table uses only known statuses', () => {
    for (const row of Object.values(LIFECYCLE)) {
      expect(STATUSES).toEqual(expect.arrayContaining([...row.from, row.to]));
    }
  });

  test.each(ACTIONS)('%s: the row’s target when allowed, FORBIDDEN for a wrong actor, else CONFLICT', (action) => {
    const row = LIFECYCLE[action];
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    for (const status of STATUSES) {
      for (const actor of ACTORS) {
        const key = `${status} by ${actor}`;
        expected[key] = !row.by.includes(actor) ? 'FORBIDDEN' : row.from.includes(status) ? row.to : 'CONFLICT';
        actual[key] = outcome(status, action, actor);
        expect(canTransition(status, action, actor)).toBe(expected[key] === row.to && row.by.includes(actor));
      }
    }
    expect(actual).toEqual(expected);
  });

  test('a refusal for a wrong status says in Chinese that the state changed', () => {
    expect(() => transition('replied', 'withdraw', 'voter')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: '这条意见的状态已经变化，请刷新后再操作' }),
    );
  });
});

describe('the rows of the lifecycle table (docs/DESIGN.md, The opinion lifecycle), written out', () => {
  test.each`
    status           | action        | actor       | result
    ${'submitted'}   | ${'hold'}     | ${'system'} | ${'held'}
    ${'held'}        | ${'release'}  | ${'staff'}  | ${'submitted'}
    ${'submitted'}   | ${'assign'}   | ${'system'} | ${'assigned'}
    ${'assigned'}    | ${'assign'}   | ${'staff'}  | ${'assigned'}
    ${'assigned'}    | ${'transfer'} | ${'deputy'} | ${'transferred'}
    ${'assigned'}    | ${'reply'}    | ${'deputy'} | ${'replied'}
    ${'transferred'} | ${'reply'}    | ${'deputy'} | ${'replied'}
    ${'replied'}     | ${'resolve'}  | ${'staff'}  | ${'resolved'}
    ${'resolved'}    | ${'close'}    | ${'voter'}  | ${'closed'}
    ${'resolved'}    | ${'reopen'}   | ${'voter'}  | ${'assigned'}
    ${'resolved'}    | ${'close'}    | ${'staff'}  | ${'closed'}
    ${'assigned'}    | ${'withdraw'} | ${'voter'}  | ${'withdrawn'}
    ${'held'}        | ${'withdraw'} | ${'voter'}  | ${'withdrawn'}
    ${'held'}        | ${'reject'}   | ${'staff'}  | ${'rejected'}
    ${'replied'}     | ${'withdraw'} | ${'voter'}  | ${'CONFLICT'}
    ${'resolved'}    | ${'withdraw'} | ${'voter'}  | ${'CONFLICT'}
    ${'closed'}      | ${'withdraw'} | ${'voter'}  | ${'CONFLICT'}
    ${'replied'}     | ${'reply'}    | ${'deputy'} | ${'CONFLICT'}
    ${'held'}        | ${'reply'}    | ${'deputy'} | ${'CONFLICT'}
    ${'assigned'}    | ${'resolve'}  | ${'staff'}  | ${'CONFLICT'}
    ${'closed'}      | ${'reopen'}   | ${'voter'}  | ${'CONFLICT'}
    ${'replied'}     | ${'reject'}   | ${'staff'}  | ${'CONFLICT'}
    ${'assigned'}    | ${'reply'}    | ${'staff'}  | ${'FORBIDDEN'}
    ${'assigned'}    | ${'reply'}    | ${'voter'}  | ${'FORBIDDEN'}
    ${'assigned'}    | ${'withdraw'} | ${'deputy'} | ${'FORBIDDEN'}
    ${'replied'}     | ${'resolve'}  | ${'deputy'} | ${'FORBIDDEN'}
    ${'held'}        | ${'release'}  | ${'deputy'} | ${'FORBIDDEN'}
    ${'submitted'}   | ${'hold'}     | ${'staff'}  | ${'FORBIDDEN'}
  `('$action by $actor from $status → $result', ({ status, action, actor, result }) => {
    expect(outcome(status, action, actor)).toBe(result);
  });

  test.each(['closed', 'rejected', 'withdrawn'] as const)('%s is final: no action leads out of it', (status) => {
    for (const action of ACTIONS) for (const actor of ACTORS) expect(canTransition(status, action, actor)).toBe(false);
  });

  test('only the voter withdraws, and only before a reply', () => {
    const from = STATUSES.filter((s) => canTransition(s, 'withdraw', 'voter'));
    expect(from.sort()).toEqual(['assigned', 'held', 'submitted', 'transferred']);
    expect(LIFECYCLE.withdraw.by).toEqual(['voter']);
  });

  test('only a deputy replies or transfers', () => {
    expect(LIFECYCLE.reply.by).toEqual(['deputy']);
    expect(LIFECYCLE.transfer.by).toEqual(['deputy']);
  });
});
