import { daysOverdue, overdueRows } from '../../src/casework/dashboard/overdue-rows';
import type { OpinionSummary } from '../../src/domain/views';

// The figures page's list of opinions overdue now (src/casework/dashboard/overdue-rows.ts).

describe('the overdue list', () => {
  const summary = (id: string, replyDueDate: string | undefined): OpinionSummary => ({
    id,
    shortId: id.toUpperCase(),
    stationName: '青溪街道人大代表联络站',
    category: 'transport',
    categoryLabel: '交通出行',
    excerpt: '路口信号灯配时太短',
    status: 'assigned',
    statusLabel: '办理中',
    createdAt: 0,
    ...(replyDueDate ? { replyDueDate } : {}),
    overdue: true,
    assignedDeputyName: '陈建国',
    staffReview: false,
    supportCount: 0,
  });

  test('counts the days past the due date: 1 on the day after it', () => {
    expect(daysOverdue('2026-11-26', '2026-11-27')).toBe(1);
    expect(daysOverdue('2026-11-27', '2026-11-27')).toBe(0);
    expect(daysOverdue('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysOverdue('2025-12-30', '2026-01-02')).toBe(3);
  });

  test('lists the longest overdue first, with station, deputy and days; what is not yet past due is left out', () => {
    const rows = overdueRows(
      [summary('a1', '2026-11-20'), summary('b2', '2026-11-27'), summary('c3', '2026-11-03'), summary('d4', undefined)],
      '2026-11-27',
    );
    expect(rows.map((r) => [r.shortId, r.days, r.stationName, r.deputyName, r.dueDate])).toEqual([
      ['C3', 24, '青溪街道人大代表联络站', '陈建国', '2026-11-03'],
      ['A1', 7, '青溪街道人大代表联络站', '陈建国', '2026-11-20'],
    ]);
  });
});
