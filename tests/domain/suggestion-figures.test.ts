import { wilsonInterval } from '../../src/domain/figures';
import type { Suggestion, UnitAnswer } from '../../src/domain/suggestion';
import {
  isSuggestionOverdue,
  medianOfCounts,
  suggestionFacts,
  unitFiguresFrom,
  ZERO_UNIT_COUNTS,
  type UnitCounts,
} from '../../src/domain/suggestion-figures';

/** An instant given as Shanghai wall-clock time. */
const sh = (local: string) => Date.parse(`${local}+08:00`);

// One 建议 at each of its stages, as the services leave it: drafted by 陈 with 李 as 附议代表 from
// two opinions, submitted 2 March, 交办 on 4 March to 交通局 (主办) and 住建局 (协办).
const draft: Suggestion = {
  id: 'sg-1',
  title: '关于青溪路口增设信号灯的建议',
  reason: '青溪路与滨河路口早高峰拥堵严重',
  content: '建议在路口增设信号灯并划设人行横道',
  category: 'transport',
  leadDeputyId: 'd-chen',
  coSigners: [{ deputyId: 'd-li', confirmedAt: sh('2026-03-01T09:00') }],
  opinionIds: ['op-1', 'op-2'],
  status: 'draft',
  version: 2,
  createdAt: sh('2026-02-27T10:00'),
  updatedAt: sh('2026-03-01T09:00'),
  returns: [],
  coViews: [],
  answers: [],
  feedback: [],
  overdueFor: [],
  events: [],
};

const submitted: Suggestion = {
  ...draft,
  status: 'submitted',
  submittedAt: sh('2026-03-02T10:00'),
  submittedOn: '2026-03-02',
  decisionDueDate: '2026-03-09',
};

const assigned: Suggestion = {
  ...submitted,
  status: 'assigned',
  assignment: {
    leadUnitId: 'u-traffic',
    coUnitIds: ['u-housing'],
    assignedAt: sh('2026-03-04T15:00'),
    assignedOn: '2026-03-04',
    dueDate: '2026-06-04',
    coViewDueDate: '2026-04-04',
  },
};

const answer = (a: Partial<UnitAnswer>): UnitAnswer => ({
  unitId: 'u-traffic',
  answerClass: 'A',
  content: '已完成信号灯设置',
  at: sh('2026-04-13T11:00'),
  answeredOn: '2026-04-13',
  onTime: true,
  round: 1,
  ...a,
});

const answered: Suggestion = { ...assigned, status: 'answered', answers: [answer({ answerClass: 'B' })] };

const redo: Suggestion = {
  ...answered,
  status: 'redo',
  feedback: [{ satisfaction: 'dissatisfied', comment: '未说明时间', at: sh('2026-04-20T09:00'), round: 1 }],
  redoDueDate: '2026-05-20',
};

const settled: Suggestion = {
  ...redo,
  status: 'settled',
  answers: [
    ...redo.answers,
    answer({ answerClass: 'A', at: sh('2026-05-25T09:00'), answeredOn: '2026-05-25', onTime: false, round: 2 }),
  ],
  feedback: [...redo.feedback, { satisfaction: 'basically_satisfied', at: sh('2026-05-28T09:00'), round: 2 }],
};

describe('the facts a store keeps of a 建议, at each stage', () => {
  test('a draft: its signers and opinions, nothing counted yet', () => {
    expect(suggestionFacts(draft)).toEqual({
      status: 'draft',
      leadDeputyId: 'd-chen',
      signerDeputyIds: ['d-chen', 'd-li'],
      leadUnitId: null,
      unitIds: [],
      opinionIds: ['op-1', 'op-2'],
      submittedAt: null,
      assignedAt: null,
      dueDate: null,
      answeredAt: null,
      answeredOnTime: null,
      daysToAnswer: null,
      answerClass: null,
      satisfaction: null,
      returnedBy: [],
      supervisedCount: 0,
    });
  });

  test('submitted: the committee’s decision is what is due', () => {
    expect(suggestionFacts(submitted)).toMatchObject({
      status: 'submitted',
      submittedAt: sh('2026-03-02T10:00'),
      dueDate: '2026-03-09',
      leadUnitId: null,
    });
  });

  test('assigned: in the hands of its 主办 and 协办, the answer due 3 months after 交办', () => {
    expect(suggestionFacts(assigned)).toMatchObject({
      status: 'assigned',
      leadUnitId: 'u-traffic',
      unitIds: ['u-traffic', 'u-housing'],
      assignedAt: sh('2026-03-04T15:00'),
      dueDate: '2026-06-04',
    });
  });

  test('extended: the extended date is what is due', () => {
    const extended: Suggestion = {
      ...assigned,
      assignment: { ...assigned.assignment!, extension: { dueDate: '2026-08-04', reason: '需要预算', at: 1 } },
    };
    expect(suggestionFacts(extended).dueDate).toBe('2026-08-04');
  });

  test('a 退回 asked: the clock runs on, and the unit that asked is counted', () => {
    const returned: Suggestion = {
      ...assigned,
      status: 'returned',
      returns: [{ unitId: 'u-traffic', reason: '不属我局职责', at: sh('2026-03-06T10:00') }],
    };
    expect(suggestionFacts(returned)).toMatchObject({ dueDate: '2026-06-04', returnedBy: ['u-traffic'] });
  });

  test('a 退回 granted: the new 主办 and its 交办, the old unit still counted for its 退回', () => {
    const reassigned: Suggestion = {
      ...assigned,
      returns: [
        {
          unitId: 'u-traffic',
          reason: '不属我局职责',
          at: sh('2026-03-06T10:00'),
          ruling: { decision: 'reassigned', note: '改交', at: sh('2026-03-10T10:00') },
        },
      ],
      assignment: {
        leadUnitId: 'u-city',
        coUnitIds: [],
        assignedAt: sh('2026-03-10T10:00'),
        assignedOn: '2026-03-10',
        dueDate: '2026-06-10',
        coViewDueDate: '2026-04-10',
      },
    };
    expect(suggestionFacts(reassigned)).toMatchObject({
      leadUnitId: 'u-city',
      unitIds: ['u-city'],
      assignedAt: sh('2026-03-10T10:00'),
      dueDate: '2026-06-10',
      returnedBy: ['u-traffic'],
    });
  });

  test('answered: nothing due; when, on time, days from 交办 and the class of the answer', () => {
    expect(suggestionFacts(answered)).toMatchObject({
      dueDate: null,
      answeredAt: sh('2026-04-13T11:00'),
      answeredOnTime: true,
      daysToAnswer: 40,
      answerClass: 'B',
      satisfaction: null,
    });
  });

  test('再办 after a 不满意: the second answer is due, the first answer’s facts stand', () => {
    expect(suggestionFacts(redo)).toMatchObject({
      status: 'redo',
      dueDate: '2026-05-20',
      answeredAt: sh('2026-04-13T11:00'),
      answeredOnTime: true,
      daysToAnswer: 40,
      satisfaction: 'dissatisfied',
    });
  });

  test('settled after 再办: the latest class and 征询意见 count, timeliness is the first answer’s', () => {
    expect(suggestionFacts(settled)).toMatchObject({
      status: 'settled',
      dueDate: null,
      answeredAt: sh('2026-04-13T11:00'),
      answeredOnTime: true,
      daysToAnswer: 40,
      answerClass: 'A',
      satisfaction: 'basically_satisfied',
    });
  });

  test('督办 counts each overdue mark and a 重点督办', () => {
    expect(suggestionFacts({ ...assigned, overdueFor: ['2026-03-09', '2026-06-04'] }).supervisedCount).toBe(2);
    expect(
      suggestionFacts({ ...assigned, overdueFor: ['2026-06-04'], keySupervision: { reason: '民生实事', at: 1 } })
        .supervisedCount,
    ).toBe(2);
    expect(suggestionFacts({ ...submitted, keySupervision: { reason: '民生实事', at: 1 } }).supervisedCount).toBe(1);
  });
});

describe('the median days to answer, from a histogram', () => {
  test.each`
    case                                           | rows                                                                        | median
    ${'nothing answered'}                          | ${[]}                                                                       | ${null}
    ${'only empty rows'}                           | ${[{ days: 5, count: 0 }]}                                                  | ${null}
    ${'one answer'}                                | ${[{ days: 40, count: 1 }]}                                                 | ${40}
    ${'an odd count: the middle one'}              | ${[{ days: 10, count: 1 }, { days: 30, count: 1 }, { days: 90, count: 1 }]} | ${30}
    ${'an even count: the lower middle'}           | ${[{ days: 10, count: 1 }, { days: 30, count: 1 }]}                         | ${10}
    ${'one 建议 left for a year does not move it'} | ${[{ days: 20, count: 3 }, { days: 365, count: 1 }]}                        | ${20}
    ${'rows in any order'}                         | ${[{ days: 90, count: 2 }, { days: 5, count: 1 }, { days: 40, count: 2 }]}  | ${40}
  `('$case → $median', ({ rows, median }) => {
    expect(medianOfCounts(rows)).toBe(median);
  });
});

const counts = (c: Partial<Omit<UnitCounts, 'unitId'>>) => ({ ...ZERO_UNIT_COUNTS, ...c });

describe('a unit’s row of 承办单位办理情况', () => {
  test('办复率 = answered ÷ assigned, 按期答复率 = on time ÷ answered, 满意率 = (满意 + 基本满意) ÷ rated', () => {
    const row = unitFiguresFrom(
      'u-traffic',
      '县交通运输局',
      counts({
        assigned: 12,
        answered: 10,
        answeredOnTime: 8,
        classA: 5,
        classB: 3,
        classC: 2,
        satisfied: 6,
        basicallySatisfied: 3,
        dissatisfied: 1,
        supervised: 2,
      }),
      1,
      [
        { days: 30, count: 6 },
        { days: 80, count: 4 },
      ],
    );
    expect(row).toMatchObject({
      unitId: 'u-traffic',
      unitName: '县交通运输局',
      assigned: 12,
      answered: 10,
      classA: 5,
      classB: 3,
      classC: 2,
      withFeedback: 10,
      returns: 1,
      supervised: 2,
      medianDaysToAnswer: 30,
      answerRate: { numerator: 10, denominator: 12, label: '83.3%' },
      onTimeRate: { numerator: 8, denominator: 10, value: 0.8, label: '80.0%', interval: [0.4902, 0.9433] },
      satisfactionRate: { numerator: 9, denominator: 10, value: 0.9, label: '90.0%' },
    });
  });

  test('below 10 a rate is 样本不足, its counts and interval still given', () => {
    const row = unitFiguresFrom(
      'u-housing',
      '县住建局',
      counts({ assigned: 9, answered: 9, answeredOnTime: 7, satisfied: 2, dissatisfied: 1 }),
      2,
      [{ days: 15, count: 9 }],
    );
    expect(row.answerRate).toMatchObject({ numerator: 9, denominator: 9, value: null, label: '样本不足' });
    expect(row.onTimeRate).toMatchObject({ numerator: 7, denominator: 9, value: null, label: '样本不足' });
    expect(row.satisfactionRate).toMatchObject({ numerator: 2, denominator: 3, value: null, label: '样本不足' });
    const [low, high] = wilsonInterval(7, 9);
    expect(row.onTimeRate.interval).toEqual([Number(low.toFixed(4)), Number(high.toFixed(4))]);
    expect(row.returns).toBe(2);
  });

  test('a unit that only asked for a 退回 has zeros, no rates and no median', () => {
    const row = unitFiguresFrom('u-city', '市政所', ZERO_UNIT_COUNTS, 1, []);
    expect(row).toMatchObject({ assigned: 0, answered: 0, withFeedback: 0, returns: 1, medianDaysToAnswer: null });
    for (const r of [row.answerRate, row.onTimeRate, row.satisfactionRate]) {
      expect(r).toEqual({ numerator: 0, denominator: 0, value: null, label: '样本不足' });
    }
  });
});

describe('a 建议 is overdue from the Shanghai day after its pending due date', () => {
  test.each`
    case                                    | s            | now                              | overdue
    ${'assigned, 23:59 of the due day'}     | ${assigned}  | ${sh('2026-06-04T23:59:59.999')} | ${false}
    ${'assigned, 00:00 the day after'}      | ${assigned}  | ${sh('2026-06-05T00:00')}        | ${true}
    ${'submitted, on the decision due day'} | ${submitted} | ${sh('2026-03-09T20:00')}        | ${false}
    ${'submitted, the day after'}           | ${submitted} | ${sh('2026-03-10T00:00')}        | ${true}
    ${'再办, after the redo due date'}      | ${redo}      | ${sh('2026-05-21T08:00')}        | ${true}
    ${'answered: nothing is pending'}       | ${answered}  | ${sh('2027-01-01T00:00')}        | ${false}
    ${'settled: nothing is pending'}        | ${settled}   | ${sh('2027-01-01T00:00')}        | ${false}
    ${'a draft has no clock'}               | ${draft}     | ${sh('2027-01-01T00:00')}        | ${false}
  `('$case → $overdue', ({ s, now, overdue }) => {
    expect(isSuggestionOverdue(s, now)).toBe(overdue);
  });

  test('an extension moves the boundary to the extended date', () => {
    const extended: Suggestion = {
      ...assigned,
      assignment: { ...assigned.assignment!, extension: { dueDate: '2026-08-04', reason: '需要预算', at: 1 } },
    };
    expect(isSuggestionOverdue(extended, sh('2026-06-05T00:00'))).toBe(false);
    expect(isSuggestionOverdue(extended, sh('2026-08-05T00:00'))).toBe(true);
  });

  test('a 退回 pending does not stop the clock', () => {
    const returned: Suggestion = { ...assigned, status: 'returned' };
    expect(isSuggestionOverdue(returned, sh('2026-06-05T00:00'))).toBe(true);
  });
});
