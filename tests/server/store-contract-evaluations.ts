import type { ContractContext } from './store-contract';

/** 代表述职评议: rounds, one rating per voter and deputy, declared districts. */
export function evaluationsContract({ store, id, audit, prefix }: ContractContext) {
  test('evaluation rounds are listed newest first and can be ended early', async () => {
    const round = (suffix: string, opensOn: string) => ({
      id: id(`ev${suffix}`),
      district: '第一选区',
      title: `测试评议 ${suffix}`,
      opensOn,
      closesOn: opensOn.replace(/-\d\d$/, '-28'),
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      deputyIds: [id('d1')],
      createdBy: 'contract-test',
      createdAt: 1_700_000_000_000,
    });
    await store.createRound(round('old', '2026-01-10'), audit(id('evold')));
    await store.createRound(round('new', '2026-02-10'), audit(id('evnew')));
    const mine = (await store.listRounds()).filter((r) => r.id.startsWith(prefix));
    expect(mine.map((r) => r.id)).toEqual([id('evnew'), id('evold')]);
    expect(await store.getRound(id('evold'))).toEqual(round('old', '2026-01-10'));
    await store.closeRoundEarly(id('evold'), '2026-01-15', audit(id('evold')));
    expect(await store.getRound(id('evold'))).toMatchObject({ closedEarlyOn: '2026-01-15' });
    expect(await store.getRound(id('nope'))).toBeNull();
  });

  test('a voter rates a deputy once per round; counts never name the voters', async () => {
    const roundId = id('evnew');
    const rate = (voter: string, deputyId: string, satisfaction: 'satisfied' | 'dissatisfied', comment?: string) =>
      store.addEvaluation(
        { roundId, deputyId, voterOpenid: id(voter) },
        { roundId, deputyId, satisfaction, ...(comment ? { comment } : {}) },
        audit(roundId),
      );
    expect(await rate('v1', id('d1'), 'satisfied')).toBe(true);
    expect(await rate('v1', id('d1'), 'dissatisfied')).toBe(false);
    expect(await rate('v22', id('d1'), 'dissatisfied', '不常见到')).toBe(true);
    expect(await rate('v1', id('d3'), 'satisfied')).toBe(true);
    expect(await store.countEvaluations(roundId)).toEqual([
      { deputyId: id('d1'), satisfaction: 'dissatisfied', count: 1 },
      { deputyId: id('d1'), satisfaction: 'satisfied', count: 1 },
      { deputyId: id('d3'), satisfaction: 'satisfied', count: 1 },
    ]);
    expect(await store.countEvaluators(roundId)).toBe(2);
    expect(await store.listEvaluationComments(roundId, [id('d1'), id('d3')], 10)).toEqual([
      { deputyId: id('d1'), satisfaction: 'dissatisfied', comment: '不常见到' },
    ]);
    // the voter's own participations say whom they rated, never what they answered
    expect(await store.listParticipationsByVoter(id('v1'))).toEqual([
      { roundId, deputyId: id('d1'), voterOpenid: id('v1') },
      { roundId, deputyId: id('d3'), voterOpenid: id('v1') },
    ]);
  });

  test('the comments of several deputies come in one answer, grouped by deputy, at most the limit each, with no time', async () => {
    const roundId = id('evold');
    const rate = (voter: string, deputy: string, comment?: string) =>
      store.addEvaluation(
        { roundId, deputyId: id(deputy), voterOpenid: id(voter) },
        { roundId, deputyId: id(deputy), satisfaction: 'satisfied', ...(comment ? { comment } : {}) },
        audit(roundId),
      );
    await rate('c1', 'd1', '一');
    await rate('c2', 'd1', '二');
    await rate('c3', 'd1', '三');
    await rate('c4', 'd1');
    await rate('c2', 'd3', '甲');
    await rate('c1', 'd3', '乙');
    await rate('c1', 'd2', '没有问到');
    const listed = await store.listEvaluationComments(roundId, [id('d3'), id('d1')], 2);
    expect(listed.map((c) => c.deputyId)).toEqual([id('d1'), id('d1'), id('d3'), id('d3')]);
    expect(listed.slice(0, 2).every((c) => ['一', '二', '三'].includes(c.comment))).toBe(true);
    expect(
      listed
        .slice(2)
        .map((c) => c.comment)
        .sort(),
    ).toEqual(['乙', '甲']);
    expect(listed.every((c) => Object.keys(c).sort().join() === 'comment,deputyId,satisfaction')).toBe(true);
    expect(await store.listEvaluationComments(roundId, [], 2)).toEqual([]);
  });

  test('a voter’s declared district is kept', async () => {
    expect(await store.getVoterDistrict(id('v1'))).toBeNull();
    await store.setVoterDistrict(id('v1'), '第一选区', 1_700_000_000_000, audit(id('v1')));
    await store.setVoterDistrict(id('v1'), '第二选区', 1_700_000_000_001, audit(id('v1')));
    expect(await store.getVoterDistrict(id('v1'))).toBe('第二选区');
  });
}
