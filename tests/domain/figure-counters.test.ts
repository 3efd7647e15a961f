import {
  figureContribution,
  figureCounterChanges,
  figureCounterId,
  monthStartMs,
  openCaseChanges,
  openCaseOf,
  splitPeriod,
  ZERO_COUNTER,
} from '../../src/domain/figure-counters';
import { periodInstants } from '../../src/domain/figures';
import type { Opinion } from '../../src/domain/opinion';

const at = (iso: string) => Date.parse(iso);

/** An opinion created 2026-03-05 10:00 in Shanghai, assigned to d01, due 2026-03-19. */
const base: Opinion = {
  id: 'op-1',
  stationId: 'qx-jiedao',
  category: 'transport',
  content: '环城西路路灯不亮，夜间行人看不清路面。',
  images: [],
  anonymous: false,
  authorOpenid: 'voter-1',
  source: 'app',
  submittedBy: 'voter-1',
  requestId: 'req-1',
  status: 'assigned',
  version: 1,
  assignedDeputyId: 'd01',
  replyDueDate: '2026-03-19',
  createdAt: at('2026-03-05T02:00:00Z'),
  reopenCount: 0,
  updatedAt: at('2026-03-05T02:00:00Z'),
};
const reply = (iso: string) => ({ reply: { content: '已答复', deputyId: 'd01', at: at(iso) } });
const key = { month: '2026-03', stationId: 'qx-jiedao', deputyId: 'd01', category: 'transport' };
const counts = (c: Partial<typeof ZERO_COUNTER>) => ({ ...ZERO_COUNTER, ...c });

describe('what one opinion adds to the figure counters', () => {
  test.each<[string, Partial<Opinion>, Partial<typeof ZERO_COUNTER> | null]>([
    ['an assigned opinion is collected, nothing else', {}, { collected: 1 }],
    ['a reply on its due date is replied and on time', reply('2026-03-19T15:00:00Z'), null],
    ['a reply after its due date (Shanghai) is replied, not on time', reply('2026-03-19T16:00:00Z'), null],
    [
      'resolved, rated 基本满意',
      {
        status: 'closed',
        ...reply('2026-03-10T02:00:00Z'),
        rating: { satisfaction: 'basically_satisfied', at: at('2026-03-12T02:00:00Z') },
      },
      { collected: 1, replied: 1, onTime: 1, resolved: 1, ratedBasicallySatisfied: 1 },
    ],
    [
      'reopened by a 不满意: keeps its reply and its resolution',
      {
        status: 'assigned',
        ...reply('2026-03-10T02:00:00Z'),
        resolution: { note: '已办结', at: at('2026-03-11T02:00:00Z'), by: 'staff' },
        rating: { satisfaction: 'dissatisfied', at: at('2026-03-12T02:00:00Z') },
      },
      { collected: 1, replied: 1, onTime: 1, resolved: 1, ratedDissatisfied: 1 },
    ],
    ['held (no deputy) is collected under deputy ""', { status: 'held', assignedDeputyId: undefined }, null],
    ['rejected is collected', { status: 'rejected' }, { collected: 1 }],
  ])('%s', (_name, change, expected) => {
    const contribution = figureContribution({ ...base, ...change });
    expect(contribution?.counts.collected).toBe(1);
    if (expected) expect(contribution?.counts).toEqual(counts(expected));
  });

  test('the on-time rule follows the Shanghai date of the reply', () => {
    expect(figureContribution({ ...base, ...reply('2026-03-19T15:59:59Z') })?.counts.onTime).toBe(1);
    expect(figureContribution({ ...base, ...reply('2026-03-19T16:00:00Z') })?.counts.onTime).toBe(0);
  });

  test('its key is the Shanghai month of its creation, its station, deputy and category', () => {
    expect(figureContribution(base)?.key).toEqual(key);
    // 2026-03-31 17:00 UTC is 2026-04-01 01:00 in Shanghai
    expect(figureContribution({ ...base, createdAt: at('2026-03-31T17:00:00Z') })?.key.month).toBe('2026-04');
    expect(figureContribution({ ...base, status: 'held', assignedDeputyId: undefined })?.key.deputyId).toBe('');
    expect(figureCounterId(key)).toBe('2026-03:qx-jiedao:d01:transport');
  });

  test('a withdrawn opinion adds nothing', () => {
    expect(figureContribution({ ...base, status: 'withdrawn' })).toBeNull();
  });
});

describe('how a write moves the figure counters', () => {
  test('a creation adds its contribution', () => {
    expect(figureCounterChanges(null, base)).toEqual([{ key, counts: counts({ collected: 1 }) }]);
  });

  test('a reply adds replied and on time to the same counter, nothing else', () => {
    expect(figureCounterChanges(base, { ...base, status: 'replied', ...reply('2026-03-10T02:00:00Z') })).toEqual([
      { key, counts: counts({ replied: 1, onTime: 1 }) },
    ]);
  });

  test('a transfer moves the whole contribution from one deputy to the other', () => {
    const before = { ...base, ...reply('2026-03-10T02:00:00Z') };
    expect(figureCounterChanges(before, { ...before, status: 'transferred', assignedDeputyId: 'd02' })).toEqual([
      { key, counts: counts({ collected: -1, replied: -1, onTime: -1 }) },
      { key: { ...key, deputyId: 'd02' }, counts: counts({ collected: 1, replied: 1, onTime: 1 }) },
    ]);
  });

  test('a withdrawal takes it away; a change that moves no count touches no counter', () => {
    expect(figureCounterChanges(base, { ...base, status: 'withdrawn' })).toEqual([
      { key, counts: counts({ collected: -1 }) },
    ]);
    expect(figureCounterChanges(base, { ...base, content: '补充：路口东侧两盏。', version: 2 })).toEqual([]);
    expect(figureCounterChanges({ ...base, status: 'withdrawn' }, { ...base, status: 'withdrawn' })).toEqual([]);
  });

  test('a rating changed from 不满意 to 满意 moves one rating to the other', () => {
    const rated = (satisfaction: 'satisfied' | 'dissatisfied') => ({
      ...base,
      status: 'closed' as const,
      rating: { satisfaction, at: at('2026-03-12T02:00:00Z') },
    });
    expect(figureCounterChanges(rated('dissatisfied'), rated('satisfied'))).toEqual([
      { key, counts: counts({ ratedDissatisfied: -1, ratedSatisfied: 1 }) },
    ]);
  });
});

describe("a deputy's open cases", () => {
  test.each<[Partial<Opinion>, boolean]>([
    [{ status: 'assigned' }, true],
    [{ status: 'transferred' }, true],
    [{ status: 'replied' }, false],
    [{ status: 'held', assignedDeputyId: undefined }, false],
    [{ status: 'assigned', assignedDeputyId: undefined }, false],
  ])('%j counts as open: %s', (change, open) => {
    expect(openCaseOf({ ...base, ...change }) !== null).toBe(open);
  });

  test('assigning adds one, replying takes it away, a transfer moves it, staying open moves nothing', () => {
    const d01 = { stationId: 'qx-jiedao', deputyId: 'd01' };
    expect(openCaseChanges(null, base)).toEqual([{ key: d01, open: 1 }]);
    expect(openCaseChanges(base, { ...base, status: 'replied' })).toEqual([{ key: d01, open: -1 }]);
    expect(openCaseChanges(base, { ...base, status: 'transferred', assignedDeputyId: 'd02' })).toEqual([
      { key: d01, open: -1 },
      { key: { ...d01, deputyId: 'd02' }, open: 1 },
    ]);
    expect(openCaseChanges(base, { ...base, status: 'transferred' })).toEqual([]);
    expect(openCaseChanges({ ...base, status: 'held' }, { ...base, status: 'withdrawn' })).toEqual([]);
  });
});

describe('a period cut into whole months and edges', () => {
  const split = (from: string, to: string) => {
    const { fromMs, toMs } = periodInstants({ from, to });
    return splitPeriod(fromMs, toMs);
  };

  test('whole months have no edge', () => {
    expect(split('2025-01-01', '2025-12-31')).toEqual({
      months: Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
      edges: [],
    });
    expect(split('2025-06-01', '2025-06-30')).toEqual({ months: ['2025-06'], edges: [] });
  });

  test('the days before the first whole month and after the last are edges', () => {
    expect(split('2025-05-20', '2025-08-10')).toEqual({
      months: ['2025-06', '2025-07'],
      edges: [
        { fromMs: periodInstants({ from: '2025-05-20', to: '2025-05-20' }).fromMs, toMs: monthStartMs('2025-06') },
        { fromMs: monthStartMs('2025-08'), toMs: periodInstants({ from: '2025-08-10', to: '2025-08-10' }).toMs },
      ],
    });
  });

  test('a period inside one month, or across a month end without a whole one, is all edges', () => {
    const inside = periodInstants({ from: '2025-06-03', to: '2025-06-29' });
    expect(split('2025-06-03', '2025-06-29')).toEqual({ months: [], edges: [inside] });
    const across = periodInstants({ from: '2025-12-31', to: '2026-01-01' });
    expect(split('2025-12-31', '2026-01-01')).toEqual({ months: [], edges: [across] });
  });

  test('whole months run on across the end of a year', () => {
    expect(split('2025-11-15', '2026-02-28').months).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(split('2024-01-01', '2026-12-31').months).toHaveLength(36);
  });

  test('months start at 00:00 in Shanghai', () => {
    expect(monthStartMs('2026-03')).toBe(at('2026-02-28T16:00:00Z'));
    expect(monthStartMs('2027-01')).toBe(at('2026-12-31T16:00:00Z'));
  });
});
