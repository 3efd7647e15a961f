import { costGoals, measureCloudbaseCost, OPERATION_BUDGETS } from '../../bench/cloudbase-cost';

// What each action costs on CloudBase, counted the way CloudBase bills (one read per get, count
// or aggregate request, one write per add, set, update or remove request) on the in-memory stand-in
// of its database, through each cloud function's entry, with production's notifier and WeChat's
// subscribeMessage.send answering at the edge. The bench prints the same figures; this holds each
// action to its budget (bench/cloudbase-cost.ts, OPERATION_BUDGETS), so that a change which adds a
// request to a voter's, a deputy's or the scheduler's path is seen in CI, not on the bill.

jest.setTimeout(120_000);

describe('CloudBase operations per action', () => {
  let measured: Awaited<ReturnType<typeof measureCloudbaseCost>>;
  beforeAll(async () => {
    measured = await measureCloudbaseCost(300);
  });

  test('every action with a budget stays within it, and so does one opinion’s whole write path', () => {
    const over = costGoals(measured)
      .filter((goal) => goal.met !== true)
      .map((goal) => `${goal.label}: ${goal.value} (budget ${goal.goal})`);
    expect(over).toEqual([]);
  });

  test('every budget is measured: each names actions the journey makes', () => {
    const unmeasured = OPERATION_BUDGETS.filter(([prefix]) => !measured.rows.some((r) => r.action.startsWith(prefix)));
    expect(unmeasured).toEqual([]);
  });

  test('a submit costs 6 operations and a view or a list 2, as issue #14 set', () => {
    const most = (prefix: string) =>
      Math.max(
        ...measured.rows
          .filter((r) => r.action.startsWith(prefix) && !r.action.includes('first call'))
          .map((r) => r.reads.max + r.writes.max),
      );
    expect(most('opinions.submit (routed)')).toBeLessThanOrEqual(6);
    for (const view of ['stations.list', 'stations.get', 'opinions.get', 'opinions.mine', 'casework.inbox'])
      expect(most(view)).toBeLessThanOrEqual(2);
  });

  test('recording acceptances needs only the OPENID, so it reads no reference data', () => {
    const accepting = measured.rows.filter((r) => r.action.startsWith('account.acceptSubscriptions'));
    expect(accepting.length).toBe(2);
    for (const row of accepting) expect(row.reads.max).toBe(1);
  });
});
