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
    const rating = (voter: string, deputyId: string, satisfaction: 'satisfied' | 'dissatisfied', comment?: string) => ({
      roundId,
      deputyId,
      voterOpenid: id(voter),
      satisfaction,
      ...(comment ? { comment } : {}),
      at: 1_700_000_000_000 + voter.length,
    });
    expect(await store.addEvaluation(rating('v1', id('d1'), 'satisfied'), audit(roundId))).toBe(true);
    expect(await store.addEvaluation(rating('v1', id('d1'), 'dissatisfied'), audit(roundId))).toBe(false);
    expect(await store.addEvaluation(rating('v22', id('d1'), 'dissatisfied', '不常见到'), audit(roundId))).toBe(true);
    expect(await store.addEvaluation(rating('v1', id('d3'), 'satisfied'), audit(roundId))).toBe(true);
    expect(await store.countEvaluations(roundId)).toEqual([
      { deputyId: id('d1'), satisfaction: 'dissatisfied', count: 1 },
      { deputyId: id('d1'), satisfaction: 'satisfied', count: 1 },
      { deputyId: id('d3'), satisfaction: 'satisfied', count: 1 },
    ]);
    expect(await store.countEvaluators(roundId)).toBe(2);
    expect(await store.listEvaluationComments(roundId, [id('d1'), id('d3')], 10)).toEqual([
      { deputyId: id('d1'), satisfaction: 'dissatisfied', comment: '不常见到', at: 1_700_000_000_003 },
    ]);
    expect((await store.listEvaluationsByVoter(id('v1'))).map((e) => [e.deputyId, e.satisfaction])).toEqual([
      [id('d1'), 'satisfied'],
      [id('d3'), 'satisfied'],
    ]);
  });

  test('the comments of several deputies come in one answer: each deputy’s newest first, at most the limit each', async () => {
    const roundId = id('evold');
    const t = 1_700_000_000_000;
    const rate = (voter: string, deputy: string, at: number, comment?: string) =>
      store.addEvaluation(
        {
          roundId,
          deputyId: id(deputy),
          voterOpenid: id(voter),
          satisfaction: 'satisfied',
          at,
          ...(comment ? { comment } : {}),
        },
        audit(roundId),
      );
    await rate('c1', 'd1', t + 1, '旧的');
    await rate('c2', 'd1', t + 3, '最新');
    await rate('c3', 'd1', t + 2, '其次');
    await rate('c4', 'd1', t + 4);
    await rate('c2', 'd3', t + 1, '同时二');
    await rate('c1', 'd3', t + 1, '同时一');
    await rate('c1', 'd2', t + 1, '没有问到');
    const comment = (deputy: string, text: string, at: number) => ({
      deputyId: id(deputy),
      satisfaction: 'satisfied',
      comment: text,
      at,
    });
    expect(await store.listEvaluationComments(roundId, [id('d3'), id('d1')], 2)).toEqual([
      comment('d1', '最新', t + 3),
      comment('d1', '其次', t + 2),
      comment('d3', '同时一', t + 1),
      comment('d3', '同时二', t + 1),
    ]);
    expect(await store.listEvaluationComments(roundId, [], 2)).toEqual([]);
  });

  test('a voter’s declared district is kept', async () => {
    expect(await store.getVoterDistrict(id('v1'))).toBeNull();
    await store.setVoterDistrict(id('v1'), '第一选区', 1_700_000_000_000, audit(id('v1')));
    await store.setVoterDistrict(id('v1'), '第二选区', 1_700_000_000_001, audit(id('v1')));
    expect(await store.getVoterDistrict(id('v1'))).toBe('第二选区');
  });
}
