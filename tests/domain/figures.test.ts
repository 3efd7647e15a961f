import {
  addCounts,
  figureFields,
  figuresFromCounts,
  monthLabel,
  monthsOf,
  periodInstants,
  rate,
  type RawCounts,
  wilsonInterval,
  ZERO_COUNTS,
} from '../../src/domain/figures';
import type { Opinion } from '../../src/domain/opinion';

const at = (iso: string) => Date.parse(iso);

describe('a rate', () => {
  test.each`
    numerator | denominator | value                 | label
    ${26}     | ${30}       | ${26 / 30}            | ${'86.7%'}
    ${10}     | ${10}       | ${1}                  | ${'100.0%'}
    ${0}      | ${12}       | ${0}                  | ${'0.0%'}
    ${1}      | ${3}        | ${null}               | ${'样本不足'}
    ${9}      | ${9}        | ${null}               | ${'样本不足'}
    ${0}      | ${0}        | ${null}               | ${'样本不足'}
    ${2}      | ${1000}     | ${0.002}              | ${'0.2%'}
    ${999}    | ${1000}     | ${0.999}              | ${'99.9%'}
    ${7}      | ${11}       | ${0.6363636363636364} | ${'63.6%'}
  `('$numerator / $denominator is $label', ({ numerator, denominator, value, label }) => {
    expect(rate(numerator, denominator)).toMatchObject({ numerator, denominator, value, label });
  });

  test('comes with its Wilson interval whenever something was counted, even below 10', () => {
    expect(rate(8, 10).interval).toEqual([0.4902, 0.9433]);
    expect(rate(3, 4).interval).toBeDefined();
    expect(rate(0, 0).interval).toBeUndefined();
  });
});

describe('the Wilson 95% interval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", table I, method 3.
  test.each`
    successes | n      | low         | high
    ${8}      | ${10}  | ${'0.490'}  | ${'0.943'}
    ${81}     | ${263} | ${'0.2553'} | ${'0.3662'}
    ${15}     | ${148} | ${'0.0624'} | ${'0.1605'}
    ${0}      | ${20}  | ${'0.0000'} | ${'0.1611'}
    ${1}      | ${29}  | ${'0.0061'} | ${'0.1718'}
    ${0}      | ${10}  | ${'0.0000'} | ${'0.2775'}
    ${10}     | ${10}  | ${'0.7225'} | ${'1.0000'}
  `('of $successes/$n is [$low, $high]', ({ successes, n, low, high }) => {
    const [l, h] = wilsonInterval(successes, n);
    const places = low.length - 2; // as many decimals as the published value has
    expect([l.toFixed(places), h.toFixed(places)]).toEqual([low, high]);
  });

  test('narrows as the sample grows at the same proportion: 80/100 is surely above 60%, 8/10 is not', () => {
    expect(wilsonInterval(8, 10)[0]).toBeLessThan(0.6);
    expect(wilsonInterval(80, 100)[0]).toBeGreaterThan(0.7);
  });

  test('needs at least one item', () => {
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
  });
});

const counts = (c: Partial<RawCounts>): RawCounts => ({ ...ZERO_COUNTS, ...c });

describe('the figures from counts', () => {
  test('satisfied is 满意 and 基本满意 together; rated adds 不满意; each rate has its own denominator', () => {
    const figures = figuresFromCounts(
      counts({
        collected: 40,
        replied: 30,
        onTime: 27,
        resolved: 20,
        ratedSatisfied: 9,
        ratedBasicallySatisfied: 3,
        ratedDissatisfied: 3,
        overdue: 2,
      }),
    );
    expect(figures).toMatchObject({
      collected: 40,
      replied: 30,
      resolved: 20,
      rated: 15,
      satisfied: 12,
      basicallySatisfied: 3,
      dissatisfied: 3,
      overdue: 2,
      onTime: 27,
      replyRate: { numerator: 30, denominator: 40, value: 0.75, label: '75.0%' },
      resolvedRate: { numerator: 20, denominator: 40, value: 0.5, label: '50.0%' },
      onTimeRate: { numerator: 27, denominator: 30, value: 0.9, label: '90.0%' },
      satisfactionRate: { numerator: 12, denominator: 15, value: 0.8, label: '80.0%' },
    });
  });

  test('nothing collected: zeros, and every rate 样本不足', () => {
    const figures = figuresFromCounts(ZERO_COUNTS);
    expect(figures.collected).toBe(0);
    for (const r of [figures.replyRate, figures.resolvedRate, figures.onTimeRate, figures.satisfactionRate]) {
      expect(r).toEqual({ numerator: 0, denominator: 0, value: null, label: '样本不足' });
    }
  });

  test('counts of groups add up field by field', () => {
    expect(addCounts(counts({ collected: 2, overdue: 1 }), counts({ collected: 3, ratedSatisfied: 1 }))).toEqual(
      counts({ collected: 5, overdue: 1, ratedSatisfied: 1 }),
    );
  });
});

const opinion = (o: Partial<Opinion> = {}): Opinion => ({
  id: 'op-1',
  stationId: 'qx-jiedao',
  category: 'transport',
  content: '环城西路路灯不亮',
  images: [],
  anonymous: false,
  authorOpenid: 'v',
  source: 'app',
  submittedBy: 'v',
  requestId: 'req-00000001',
  status: 'assigned',
  version: 1,
  assignedDeputyId: 'd01',
  replyDueDate: '2026-03-13',
  createdAt: at('2026-02-28T16:30:00Z'), // 1 March 00:30 in Shanghai
  reopenCount: 0,
  updatedAt: 0,
  ...o,
});

const reply = (iso: string) => ({ content: '已答复', deputyId: 'd01', at: at(iso) });

describe('what one opinion adds up to', () => {
  test.each`
    case                                                     | o                                                                                                                                                                            | expected
    ${'assigned: nothing yet'}                               | ${{}}                                                                                                                                                                        | ${{ repliedAt: null, repliedOnTime: false, resolved: false, satisfaction: null }}
    ${'replied on the due date (23:59 Shanghai)'}            | ${{ status: 'replied', reply: reply('2026-03-13T15:59:00Z') }}                                                                                                               | ${{ repliedAt: at('2026-03-13T15:59:00Z'), repliedOnTime: true, resolved: false }}
    ${'replied the day after (00:01 Shanghai)'}              | ${{ status: 'replied', reply: reply('2026-03-13T16:01:00Z') }}                                                                                                               | ${{ repliedOnTime: false }}
    ${'replied with no due date: not late'}                  | ${{ status: 'replied', replyDueDate: undefined, reply: reply('2026-05-01T00:00:00Z') }}                                                                                      | ${{ repliedOnTime: true }}
    ${'resolved'}                                            | ${{ status: 'resolved', reply: reply('2026-03-02T00:00:00Z'), resolution: { note: '好', at: 1, by: 's' } }}                                                                  | ${{ resolved: true, satisfaction: null }}
    ${'closed 基本满意'}                                     | ${{ status: 'closed', rating: { satisfaction: 'basically_satisfied', at: 1 }, reply: reply('2026-03-02T00:00Z') }}                                                           | ${{ resolved: true, satisfaction: 'basically_satisfied' }}
    ${'reopened by 不满意: keeps reply, resolution, rating'} | ${{ status: 'assigned', reopenCount: 1, reply: reply('2026-03-02T00:00:00Z'), resolution: { note: '好', at: 1, by: 's' }, rating: { satisfaction: 'dissatisfied', at: 2 } }} | ${{ repliedOnTime: true, resolved: true, satisfaction: 'dissatisfied' }}
    ${'rejected'}                                            | ${{ status: 'rejected', rejection: { kind: 'out_of_remit', reason: '省道', at: 1 } }}                                                                                        | ${{ repliedAt: null, resolved: false }}
  `('$case', ({ o, expected }) => {
    expect(figureFields(opinion(o))).toMatchObject(expected);
  });

  test('is counted in the Shanghai month of its creation', () => {
    expect(figureFields(opinion()).month).toBe('2026-03');
    expect(figureFields(opinion({ createdAt: at('2026-02-28T15:59:59Z') })).month).toBe('2026-02');
  });
});

describe('a period', () => {
  test('runs from 00:00 of its first day to the midnight after its last, Shanghai time', () => {
    expect(periodInstants({ from: '2026-01-01', to: '2026-12-31' })).toEqual({
      fromMs: at('2025-12-31T16:00:00Z'),
      toMs: at('2026-12-31T16:00:00Z'),
    });
    expect(periodInstants({ from: '2026-03-01', to: '2026-03-01' })).toEqual({
      fromMs: at('2026-02-28T16:00:00Z'),
      toMs: at('2026-03-01T16:00:00Z'),
    });
  });

  test('touches the months from the first to the last, each labelled in Chinese', () => {
    expect(monthsOf({ from: '2025-11-30', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf({ from: '2026-03-05', to: '2026-03-06' })).toEqual(['2026-03']);
    expect(monthLabel('2026-03')).toBe('2026年3月');
    expect(monthLabel('2025-12')).toBe('2025年12月');
  });
});
