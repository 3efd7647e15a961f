import {
  deputyDistrict,
  evaluationResult,
  median,
  medianReplyDays,
  resultsPublished,
  roundClash,
  roundPhase,
  sessionsOnDuty,
  type EvaluationRound,
} from '../../src/domain/evaluation';
import { openRoundInput } from '../../src/domain/evaluation-schemas';

const round: EvaluationRound = {
  id: 'ev1',
  district: '第一选区',
  title: '2026年第一选区代表述职评议',
  opensOn: '2026-03-10',
  closesOn: '2026-03-20',
  periodFrom: '2025-03-01',
  periodTo: '2026-02-28',
  deputyIds: ['d01'],
  createdBy: 'staff',
  createdAt: 0,
};

describe('a round is upcoming, then open through its last day, then closed', () => {
  test.each([
    ['2026-03-09', 'upcoming'],
    ['2026-03-10', 'open'],
    ['2026-03-20', 'open'],
    ['2026-03-21', 'closed'],
  ])('on %s it is %s', (day, phase) => expect(roundPhase(round, day)).toBe(phase));

  test('ended early, it is closed from that day on', () => {
    const early = { ...round, closedEarlyOn: '2026-03-15' };
    expect(roundPhase(early, '2026-03-14')).toBe('open');
    expect(roundPhase(early, '2026-03-15')).toBe('closed');
  });
});

describe('one round per 选区 and period: rounds of one district may not overlap', () => {
  const later = { periodFrom: '2026-03-01', periodTo: '2026-03-31' };
  test('sharing a single day of rating is a clash', () => {
    expect(roundClash({ opensOn: '2026-03-20', closesOn: '2026-03-30', ...later }, round)).toBe('dates');
    expect(roundClash({ opensOn: '2026-03-21', closesOn: '2026-03-30', ...later }, round)).toBeUndefined();
  });
  test('a round ended early keeps its planned dates: no new round can be opened in them', () => {
    const early = { ...round, closedEarlyOn: '2026-03-12' };
    expect(roundClash({ opensOn: '2026-03-13', closesOn: '2026-03-30', ...later }, early)).toBe('dates');
  });
  test('reporting on any day of a period already rated is a clash, whatever the rating dates', () => {
    const again = { opensOn: '2026-06-01', closesOn: '2026-06-10', periodFrom: round.periodTo, periodTo: '2026-05-31' };
    expect(roundClash(again, round)).toBe('period');
  });
});

describe('results are published only after the planned last day', () => {
  test('not on the last day, nor after an early close, but the day after closesOn', () => {
    expect(resultsPublished(round, '2026-03-20')).toBe(false);
    expect(resultsPublished({ ...round, closedEarlyOn: '2026-03-11' }, '2026-03-15')).toBe(false);
    expect(resultsPublished({ ...round, closedEarlyOn: '2026-03-11' }, '2026-03-21')).toBe(true);
  });
});

describe('a deputy result counts 满意 and 基本满意 as satisfied, with its interval', () => {
  test('11 of 12 satisfied is 91.7%, between 64.6% and 98.5%', () => {
    const result = evaluationResult({ satisfied: 9, basicallySatisfied: 2, dissatisfied: 1 });
    expect(result).toMatchObject({ sufficient: true, rated: 12, satisfied: 9, dissatisfied: 1 });
    if (!result.sufficient) throw new Error('12 raters are enough');
    expect(result.satisfactionRate).toMatchObject({ label: '91.7%', interval: [0.6461, 0.9851] });
  });
  test('under 10 raters it is 样本不足 with no count per answer', () => {
    const result = evaluationResult({ satisfied: 5, basicallySatisfied: 3, dissatisfied: 1 });
    expect(result).toEqual({ sufficient: false, rated: 9, minimum: 10 });
  });
});

describe('median reply time', () => {
  test('the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  test('in days with one decimal; nothing replied is null', () => {
    expect(medianReplyDays([86_400_000, 3 * 86_400_000, 36 * 3_600_000])).toBe(1.5);
    expect(medianReplyDays([])).toBeNull();
  });
});

describe('sessions on duty count held sessions only', () => {
  const sessions = [
    { date: '2025-02-20', cancelled: false, deputyIds: ['d01'] }, // before the period
    { date: '2025-03-05', cancelled: false, deputyIds: ['d01', 'd03'] },
    { date: '2025-04-20', cancelled: true, deputyIds: ['d01'] }, // cancelled
    { date: '2025-05-05', cancelled: false, deputyIds: ['d03'] }, // someone else
    { date: '2026-01-05', cancelled: false, deputyIds: ['d01'] },
    { date: '2026-02-20', cancelled: false, deputyIds: ['d01'] }, // not yet held on 2026-02-10
  ];
  test('within the period, not cancelled, on the duty list, not in the future', () => {
    expect(sessionsOnDuty(sessions, 'd01', { from: '2025-03-01', to: '2026-02-28' }, '2026-02-10')).toBe(2);
    expect(sessionsOnDuty(sessions, 'd01', { from: '2025-03-01', to: '2026-02-28' }, '2026-03-01')).toBe(3);
  });
});

describe('a deputy is evaluated by the district that elected them', () => {
  test('the recorded district wins; else the only district of their station; else none', () => {
    expect(deputyDistrict({ district: '第二选区' }, { districts: ['第一选区'] })).toBe('第二选区');
    expect(deputyDistrict({}, { districts: ['第三选区'] })).toBe('第三选区');
    expect(deputyDistrict({}, { districts: ['第一选区', '第二选区'] })).toBeNull();
  });
});

describe('opening a round', () => {
  const input = {
    district: '第一选区',
    opensOn: '2026-03-10',
    closesOn: '2026-03-20',
    periodFrom: '2025-03-01',
    periodTo: '2026-02-28',
  };
  test('a review period may not end after the round', () => {
    const result = openRoundInput.safeParse({ ...input, periodTo: '2026-03-21' });
    expect(result.success ? '' : result.error.issues[0]?.message).toBe('述职期间不能晚于评议结束');
  });
  test('a round lasts at most 60 days', () => {
    expect(openRoundInput.safeParse({ ...input, closesOn: '2026-05-08' }).success).toBe(true);
    expect(openRoundInput.safeParse({ ...input, closesOn: '2026-05-09' }).success).toBe(false);
  });
});
