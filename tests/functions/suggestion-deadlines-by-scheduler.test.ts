import { main } from '../../cloudfunctions/scheduler/index';
import { getRuntime } from '../../server/runtime/runtime';
import { watchSuggestionDeadlines } from '../../server/services/suggestion-deadline-watch';
import type { NotificationKind } from '../../src/domain/notifications';
import { startLocalApi } from '../support/local-api';

// 代表建议's 督办 by the scheduler's daily slot (from 08:00): a reminder to the 主办 unit 5 working
// days before its answer is due, a 督办 mark once per due date when it passes, and a B-class
// answer followed until its unit reports it done. The clock moves through 2026.
const shanghai = (wallClock: string) => Date.parse(`${wallClock.replace(' ', 'T')}:00+08:00`);
let now = shanghai('2026-03-02 10:00'); // Monday
let api: Awaited<ReturnType<typeof startLocalApi>>;

const timerContext = { environment: JSON.stringify({ TRIGGER_SRC: 'timer' }) };
type WatchCounts = { reminded: number; overdue: number; planOverdue: number; lost: number };
/** One firing of the every-minute trigger at `wallClock`: what the 建议 job did, if it ran. */
async function tickAt(wallClock: string): Promise<WatchCounts | undefined> {
  now = shanghai(wallClock);
  const result = (await main({ Type: 'Timer', TriggerName: 'tick' }, timerContext)) as {
    ok: boolean;
    data: { suggestions?: WatchCounts };
  };
  expect(result.ok).toBe(true);
  return result.data.suggestions;
}

const ids: Record<'undecided' | 'late' | 'redo' | 'planB' | 'declined' | 'settled', string> = {
  undecided: '',
  late: '',
  redo: '',
  planB: '',
  declined: '',
  settled: '',
};

async function messages(kind: NotificationKind, suggestionId: string) {
  return (await api.store.listOutbox(1000)).filter(
    (m) => m.kind === kind && m.subjectId === `suggestion:${suggestionId}`,
  );
}
const recipients = async (kind: NotificationKind, suggestionId: string) =>
  (await messages(kind, suggestionId)).map((m) => m.recipientOpenid).sort();
/** The lines the scheduler wrote on a 建议's own timeline. */
async function systemLines(suggestionId: string) {
  const s = await api.store.getSuggestion(suggestionId);
  return s!.events.filter((e) => e.actorName === '系统').map((e) => e.text);
}

beforeAll(async () => {
  api = await startLocalApi({ now: () => now });
  // A voter's opinion on 来薰路 traffic, routed to 陈建国 (demo-deputy), who cites it in six 建议.
  const { opinionId } = await api.callAs('demo-voter', 'opinions.submit', {
    stationId: 'qx-jiedao',
    category: 'transport',
    content: '来薰路与环城西路交叉口早晚高峰拥堵，学生过马路很危险，希望增设信号灯。',
    requestId: 'sugg-watch-0001',
  });
  for (const key of Object.keys(ids) as Array<keyof typeof ids>) {
    const draft = await api.callAs('demo-deputy', 'suggestions.draft', {
      title: `关于来薰路交叉口交通组织的建议（${key}）`,
      reason: '来薰路与环城西路交叉口早晚高峰拥堵，学生过马路危险。',
      content: '建议增设信号灯和人行横道，高峰时段安排交警或协管员值守。',
      category: 'transport',
      opinionIds: [opinionId],
      coSignerIds: [],
    });
    await api.callAs('demo-deputy', 'suggestions.submit', { suggestionId: draft.id });
    ids[key] = draft.id;
  }
  // Tuesday 3 March: the committee decides all but one; the units answer three at once.
  now = shanghai('2026-03-03 10:00');
  for (const key of ['late', 'planB', 'settled'] as const) {
    await api.callAs('demo-admin', 'suggestions.assign', { suggestionId: ids[key], leadUnitId: 'unit-transport' });
  }
  await api.callAs('demo-admin', 'suggestions.assign', { suggestionId: ids.redo, leadUnitId: 'unit-housing' });
  await api.callAs('demo-admin', 'suggestions.decline', {
    suggestionId: ids.declined,
    ground: 'no_substance',
    note: '与另一件建议内容重复',
  });
  const answer = '经现场踏勘，已会同交警部门制定交叉口渠化方案，本年度内实施。';
  await api.callAs('demo-unit', 'suggestions.answer', {
    suggestionId: ids.planB,
    answerClass: 'B',
    content: answer,
    plannedDate: '2026-04-30',
  });
  await api.callAs('demo-unit', 'suggestions.answer', { suggestionId: ids.settled, answerClass: 'A', content: answer });
  await api.callAs('demo-unit-housing', 'suggestions.answer', {
    suggestionId: ids.redo,
    answerClass: 'A',
    content: answer,
  });
  for (const key of ['planB', 'settled'] as const) {
    await api.callAs('demo-deputy', 'suggestions.feedback', { suggestionId: ids[key], satisfaction: 'satisfied' });
  }
  // 不满意: 再办, answered again within a month (by Friday 3 April).
  await api.callAs('demo-deputy', 'suggestions.feedback', {
    suggestionId: ids.redo,
    satisfaction: 'dissatisfied',
    comment: '答复没有说明何时实施',
  });
});
afterAll(() => api.stop());

describe('代表建议 督办 by the scheduler', () => {
  test('the dates: 立案 due 5 working days after submission, the answer 3 months after 交办, 再办 1 month', async () => {
    expect((await api.store.getSuggestion(ids.undecided))!.decisionDueDate).toBe('2026-03-09');
    expect((await api.store.getSuggestion(ids.late))!.assignment!.dueDate).toBe('2026-06-03');
    expect((await api.store.getSuggestion(ids.redo))!.redoDueDate).toBe('2026-04-03');
  });

  test('on the decision day itself nothing is overdue yet', async () => {
    expect(await tickAt('2026-03-09 09:00')).toMatchObject({ reminded: 0, overdue: 0, planOverdue: 0 });
  });

  test('a 建议 still not decided 5 working days after submission is marked once, and only the committee is told', async () => {
    const runs = await Promise.all([tickAt('2026-03-10 09:00'), tickAt('2026-03-10 09:00')]);
    // One run claims the day's slot; the other leaves the job alone.
    expect(runs.filter(Boolean)).toEqual([
      { slot: '2026-03-10', reminded: 0, overdue: 1, planOverdue: 0, lost: 0, more: false },
    ]);
    expect(await systemLines(ids.undecided)).toEqual(['超过5个工作日未作出立案决定（应于2026年3月9日前决定）']);
    expect((await api.store.getSuggestion(ids.undecided))!.overdueFor).toEqual(['2026-03-09']);
    expect(await recipients('suggestion_overdue_to_committee', ids.undecided)).toEqual(['demo-admin']);
    expect(await messages('suggestion_overdue_to_unit', ids.undecided)).toEqual([]);
    expect(await tickAt('2026-03-11 09:00')).toMatchObject({ overdue: 0 });
  });

  test('the 再办 answer: its unit is reminded 5 working days before, then marked overdue once, both messages sent', async () => {
    expect(await tickAt('2026-03-26 09:00')).toMatchObject({ reminded: 0 });
    expect(await tickAt('2026-03-27 09:00')).toMatchObject({ reminded: 1 });
    expect(await tickAt('2026-03-30 09:00')).toMatchObject({ reminded: 0 });
    expect(await recipients('suggestion_reminder_to_unit', ids.redo)).toEqual(['demo-unit-housing']);
    expect(await tickAt('2026-04-03 09:00')).toMatchObject({ overdue: 0 });
    expect(await tickAt('2026-04-07 09:00')).toMatchObject({ overdue: 1 });
    expect(await recipients('suggestion_overdue_to_unit', ids.redo)).toEqual(['demo-unit-housing']);
    expect(await recipients('suggestion_overdue_to_committee', ids.redo)).toEqual(['demo-admin']);
    const [toCommittee] = await messages('suggestion_overdue_to_committee', ids.redo);
    expect(toCommittee!.payload).toMatchObject({ due: '2026-04-03', unit: '县住房和城乡建设局' });
  });

  test('a B-class answer past its planned date with no 落实 reported: the committee is told once', async () => {
    expect(await tickAt('2026-04-30 09:00')).toMatchObject({ planOverdue: 0 });
    expect(await tickAt('2026-05-01 09:00')).toMatchObject({ planOverdue: 1 });
    expect(await tickAt('2026-05-02 09:00')).toMatchObject({ planOverdue: 0 });
    expect(await recipients('suggestion_overdue_to_committee', ids.planB)).toEqual(['demo-admin']);
    expect(await systemLines(ids.planB)).toEqual([
      'B类答复计划于2026年4月30日前完成，至今未报告落实情况，人大工委跟踪督办',
    ]);
    expect((await api.store.getSuggestion(ids.planB))!.status).toBe('settled');
  });

  test('the 主办 is reminded of its 3-month answer from 27 May, once', async () => {
    expect(await tickAt('2026-05-26 09:00')).toMatchObject({ reminded: 0 });
    expect(await tickAt('2026-05-27 09:00')).toMatchObject({ reminded: 1 });
    expect(await tickAt('2026-05-28 09:00')).toMatchObject({ reminded: 0 });
    expect(await recipients('suggestion_reminder_to_unit', ids.late)).toEqual(['demo-unit']);
    expect((await api.store.getSuggestion(ids.late))!.remindedFor).toBe('2026-06-03');
  });

  test('past its due date it is marked once, with a line, an audit line and both messages', async () => {
    expect(await tickAt('2026-06-04 09:00')).toMatchObject({ overdue: 1 });
    expect(await tickAt('2026-06-05 09:00')).toMatchObject({ overdue: 0 });
    expect(await systemLines(ids.late)).toEqual([
      '提醒承办单位：请于2026年6月3日前答复',
      '超过答复期限（2026年6月3日），人大工委督办',
    ]);
    expect(await recipients('suggestion_overdue_to_unit', ids.late)).toEqual(['demo-unit']);
    expect(await recipients('suggestion_overdue_to_committee', ids.late)).toEqual(['demo-admin']);
    const audit = await api.store.listAudit('suggestion', ids.late);
    expect(audit.filter((a) => a.action === 'suggestions.markOverdue')).toEqual([
      expect.objectContaining({ actor: 'system', detail: { due: '2026-06-03', unitId: 'unit-transport' } }),
    ]);
    const view = await api.callAs('demo-admin', 'suggestions.get', { suggestionId: ids.late });
    expect(view.overdueCount).toBe(1);
  });

  test('an extension moves the due date: a new reminder, and a new mark when the new date passes', async () => {
    await api.callAs('demo-admin', 'suggestions.extend', {
      suggestionId: ids.late,
      dueDate: '2026-07-15',
      reason: '涉及交警部门信号灯改造，需协调资金',
    });
    expect(await tickAt('2026-07-07 09:00')).toMatchObject({ reminded: 0 });
    expect(await tickAt('2026-07-08 09:00')).toMatchObject({ reminded: 1 });
    expect(await tickAt('2026-07-16 09:00')).toMatchObject({ overdue: 1 });
    expect((await api.store.getSuggestion(ids.late))!.overdueFor).toEqual(['2026-06-03', '2026-07-15']);
    expect(await recipients('suggestion_overdue_to_unit', ids.late)).toEqual(['demo-unit', 'demo-unit']);
  });

  test('run twice on the same day the watch changes nothing the second time', async () => {
    const runtime = await getRuntime();
    const deps = { store: api.store, clock: { now: () => now }, config: runtime.config };
    now = shanghai('2026-07-20 09:00');
    const first = await watchSuggestionDeadlines(deps);
    const outbox = (await api.store.listOutbox(1000)).length;
    expect(await watchSuggestionDeadlines(deps)).toEqual({ ...first, reminded: 0, overdue: 0, planOverdue: 0 });
    expect((await api.store.listOutbox(1000)).length).toBe(outbox);
  });

  test('nothing is ever written for a declined 建议 or a settled one with nothing pending', async () => {
    expect(await systemLines(ids.declined)).toEqual([]);
    expect(await systemLines(ids.settled)).toEqual([]);
    for (const id of [ids.declined, ids.settled]) {
      expect(await messages('suggestion_reminder_to_unit', id)).toEqual([]);
      expect(await messages('suggestion_overdue_to_committee', id)).toEqual([]);
    }
  });
});
