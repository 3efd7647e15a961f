import { templateProblems } from '../../src/domain/notification-checks';
import { notificationOf } from '../../src/domain/notifications';
import { FIXED_NOW, startLocalApi } from '../support/local-api';
import { ADMIN, call, DEPUTY, type LocalApi, STAFF } from '../support/opinion-calls';
import {
  body,
  CONTACT,
  LI,
  type Made,
  opinionForChen,
  type Stage,
  suggestionIn,
  suggestionStreet,
  suggestionWorld,
  UNITS,
  WANG,
} from '../support/suggestion-calls';

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
  await suggestionStreet(api);
});
afterAll(() => api.stop());

// Each attempt is made by the caller who may make it in some status (the 领衔 陈建国, the 附议
// 王秀英, the committee, the 主办 交通局, the 协办 住建局), so that a refusal can only come from
// the 建议's status — or, where the caller has no part in it yet, from not seeing it at all.
type Attempt =
  | 'edit'
  | 'cosign'
  | 'submit'
  | 'withdraw'
  | 'decline'
  | 'assign'
  | 'requestReturn'
  | 'ruleReturn'
  | 'extend'
  | 'coView'
  | 'answer'
  | 'feedback'
  | 'fulfil'
  | 'supervise';

const ATTEMPTS: Record<Attempt, (m: Made) => [string, string, object]> = {
  edit: (m) => [
    DEPUTY,
    'edit',
    { suggestionId: m.id, ...body(m.opinionIds, { title: '关于环城西路口交通组织的建议' }) },
  ],
  cosign: (m) => [WANG, 'cosign', { suggestionId: m.id }],
  submit: (m) => [DEPUTY, 'submit', { suggestionId: m.id }],
  withdraw: (m) => [DEPUTY, 'withdraw', { suggestionId: m.id, reason: '另行提出' }],
  decline: (m) => [ADMIN, 'decline', { suggestionId: m.id, ground: 'no_substance', note: '内容不够具体' }],
  assign: (m) => [ADMIN, 'assign', { suggestionId: m.id, leadUnitId: UNITS.city.id }],
  requestReturn: (m) => [CONTACT.traffic, 'requestReturn', { suggestionId: m.id, reason: '不属我局职责范围' }],
  ruleReturn: (m) => [ADMIN, 'ruleReturn', { suggestionId: m.id, decision: 'refuse', note: '仍由原单位办理' }],
  extend: (m) => [ADMIN, 'extend', { suggestionId: m.id, dueDate: '2026-07-01', reason: '需要编制预算' }],
  coView: (m) => [CONTACT.housing, 'coView', { suggestionId: m.id, content: '同意主办单位意见，配合做好人行道改造。' }],
  answer: (m) => [
    CONTACT.traffic,
    'answer',
    { suggestionId: m.id, answerClass: 'A', content: '已在该路口增设信号灯并延长行人绿灯时间，现场已投入使用。' },
  ],
  feedback: (m) => [DEPUTY, 'feedback', { suggestionId: m.id, satisfaction: 'satisfied' }],
  fulfil: (m) => [CONTACT.traffic, 'fulfil', { suggestionId: m.id, note: '信号灯已安装' }],
  supervise: (m) => [ADMIN, 'supervise', { suggestionId: m.id, reason: '群众反映集中' }],
};

// What the lifecycle (src/domain/suggestion-lifecycle.ts) and each step's own rule allow in each
// stage; every other attempt must be refused and write nothing. In a draft 王秀英 has not yet
// confirmed (so submitting is refused); the answer is class A (so no 落实 to report).
const ALLOWED: Record<Stage, Attempt[]> = {
  draft: ['edit', 'cosign', 'withdraw'],
  submitted: ['withdraw', 'decline', 'assign', 'supervise'],
  declined: [],
  withdrawn: [],
  assigned: ['requestReturn', 'extend', 'coView', 'answer', 'supervise'],
  returned: ['ruleReturn', 'extend', 'coView', 'supervise'],
  answered: ['feedback', 'supervise'],
  redo: ['coView', 'answer', 'supervise'],
  settled: [],
};

const COMMITTEE: Attempt[] = ['decline', 'assign', 'ruleReturn', 'extend', 'supervise'];
const UNIT: Attempt[] = ['requestReturn', 'coView', 'answer', 'fulfil'];
/** Stages in which a caller has no part yet: the committee before submission, units before 交办. */
const unseen = (stage: Stage, attempt: Attempt) =>
  (COMMITTEE.includes(attempt) && (stage === 'draft' || stage === 'withdrawn')) ||
  (UNIT.includes(attempt) && ['draft', 'submitted', 'declined', 'withdrawn'].includes(stage));

const cases = (Object.keys(ALLOWED) as Stage[]).flatMap((stage) =>
  (Object.keys(ATTEMPTS) as Attempt[])
    .filter((attempt) => !ALLOWED[stage].includes(attempt))
    .map((attempt) => ({ stage, attempt, code: unseen(stage, attempt) ? 'NOT_FOUND' : 'CONFLICT' })),
);

describe('a step the lifecycle does not allow is refused, and nothing is written', () => {
  const made = new Map<Stage, Made>();
  beforeAll(async () => {
    for (const stage of Object.keys(ALLOWED) as Stage[]) made.set(stage, await suggestionIn(api, stage));
  });

  test.each(cases)('$attempt while $stage → $code', async ({ stage, attempt, code }) => {
    const m = made.get(stage)!;
    expect((await api.store.getSuggestion(m.id))?.status).toBe(stage);
    const before = await suggestionWorld(api, m);
    const [caller, action, fields] = ATTEMPTS[attempt](m);
    const { status, body: answer } = await call(api, caller, 'suggestions', action, fields);
    expect(answer).toEqual({ ok: false, error: { code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    expect(status).toBe(code === 'CONFLICT' ? 409 : 404);
    expect(await suggestionWorld(api, m)).toEqual(before);
  });

  test('what each caller is offered (`can`) is what the table above lets them do', async () => {
    const offered = async (m: Made, attempt: Attempt) => {
      const [caller] = ATTEMPTS[attempt](m);
      const { body: answer } = await call(api, caller, 'suggestions', 'get', { suggestionId: m.id });
      return answer.ok ? (answer.data.can as Record<string, boolean>)[attempt] : false;
    };
    for (const stage of Object.keys(ALLOWED) as Stage[]) {
      const m = made.get(stage)!;
      const can: string[] = [];
      for (const attempt of Object.keys(ATTEMPTS) as Attempt[]) if (await offered(m, attempt)) can.push(attempt);
      expect({ stage, can }).toEqual({ stage, can: ALLOWED[stage] });
    }
  });
});

describe('two changes at once: exactly one wins, the other writes nothing', () => {
  test('two 交办 of one submitted 建议', async () => {
    const m = await suggestionIn(api, 'submitted');
    const results = await Promise.all(
      [UNITS.traffic.id, UNITS.city.id].map((leadUnitId) =>
        call(api, ADMIN, 'suggestions', 'assign', { suggestionId: m.id, leadUnitId }),
      ),
    );
    expect(results.map((r) => r.body.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.body.ok)?.body.error.code).toBe('CONFLICT');
    const stored = await api.store.getSuggestion(m.id);
    const winner = results.find((r) => r.body.ok)!.body.data.assignment.leadUnit.id;
    expect(stored?.assignment?.leadUnitId).toBe(winner);
    const audit = await api.store.listAudit('suggestion', m.id);
    expect(audit.filter((a) => a.action === 'suggestions.assign')).toHaveLength(1);
    const lines = await api.store.listTimeline(m.opinionIds[0]!);
    expect(lines.filter((l) => l.kind === 'suggestion.assigned')).toHaveLength(1);
  });

  test('two answers of one assigned 建议', async () => {
    const m = await suggestionIn(api, 'assigned');
    const answer = (answerClass: 'A' | 'C') =>
      call(api, CONTACT.traffic, 'suggestions', 'answer', {
        suggestionId: m.id,
        answerClass,
        content: '经研究，该路口信号灯已列入今年城市道路改造工程，现已完成。',
      });
    const results = await Promise.all([answer('A'), answer('C')]);
    expect(results.map((r) => r.body.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.body.ok)?.body.error.code).toBe('CONFLICT');
    const stored = await api.store.getSuggestion(m.id);
    expect(stored?.answers).toHaveLength(1);
    expect(
      (await api.store.listAudit('suggestion', m.id)).filter((a) => a.action === 'suggestions.answer'),
    ).toHaveLength(1);
  });
});

describe('every change leaves a line on the 建议’s timeline and an audit line', () => {
  test('from the draft to 办结, one of each per step, by the caller the platform named', async () => {
    const m = await suggestionIn(api, 'settled');
    const stored = (await api.store.getSuggestion(m.id))!;
    expect(stored.events.map((e) => [e.kind, e.actorName])).toEqual([
      ['drafted', '代表 陈建国'],
      ['cosigned', '代表 王秀英'],
      ['submitted', '代表 陈建国'],
      ['assigned', '人大工委'],
      ['answered', '县交通运输局'],
      ['settled', '代表 陈建国'],
    ]);
    const audit = await api.store.listAudit('suggestion', m.id);
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['suggestions.draft', DEPUTY],
      ['suggestions.cosign', WANG],
      ['suggestions.submit', DEPUTY],
      ['suggestions.assign', ADMIN],
      ['suggestions.answer', CONTACT.traffic],
      ['suggestions.feedback', DEPUTY],
    ]);
    expect(audit.every((a) => a.at === FIXED_NOW)).toBe(true);
    expect(stored.version).toBe(6);
  });

  test('the steps that move nothing still leave their lines: extension, 协办意见, 重点督办', async () => {
    const m = await suggestionIn(api, 'assigned');
    await api.callAs(ADMIN, 'suggestions.extend', {
      suggestionId: m.id,
      dueDate: '2026-07-01',
      reason: '需要编制预算',
    });
    await api.callAs(CONTACT.housing, 'suggestions.coView', {
      suggestionId: m.id,
      content: '同意主办单位意见，配合做好人行道改造。',
    });
    await api.callAs(ADMIN, 'suggestions.supervise', { suggestionId: m.id, reason: '群众反映集中' });
    const stored = (await api.store.getSuggestion(m.id))!;
    expect(stored.status).toBe('assigned');
    expect(stored.events.slice(-3).map((e) => e.kind)).toEqual(['extended', 'coView', 'supervised']);
    expect((await api.store.listAudit('suggestion', m.id)).slice(-3).map((a) => a.action)).toEqual([
      'suggestions.extend',
      'suggestions.coView',
      'suggestions.supervise',
    ]);
  });
});

describe('the messages of a 建议', () => {
  test('every message a 建议 sends, from the draft to 办结 and through 退回 and 再办, is one WeChat accepts', async () => {
    await suggestionIn(api, 'settled');
    await suggestionIn(api, 'declined');
    const returned = await suggestionIn(api, 'returned');
    await api.callAs(ADMIN, 'suggestions.ruleReturn', {
      suggestionId: returned.id,
      decision: 'reassign',
      note: '改由执法局主办',
      leadUnitId: UNITS.city.id,
    });
    const redo = await suggestionIn(api, 'redo');
    await api.callAs(ADMIN, 'suggestions.supervise', { suggestionId: redo.id, reason: '群众反映集中' });
    const messages = (await api.store.listOutbox(10_000)).filter((o) => o.kind.startsWith('suggestion'));
    expect(new Set(messages.map((o) => o.kind)).size).toBeGreaterThanOrEqual(4);
    for (const message of messages) {
      const known = notificationOf(message);
      expect(known).not.toBeNull();
      expect({ kind: message.kind, problems: templateProblems(known!) }).toEqual({ kind: message.kind, problems: [] });
    }
  });
});

describe('drafting: the 领衔 deputy writes, the 附议代表 confirm', () => {
  test('only the 领衔 deputy edits, submits and withdraws; a 附议代表 is FORBIDDEN and nothing is written', async () => {
    const m = await suggestionIn(api, 'draft');
    const before = await suggestionWorld(api, m);
    for (const [action, fields] of [
      ['edit', body(m.opinionIds)],
      ['submit', {}],
      ['withdraw', { reason: '另行提出' }],
    ] as const) {
      const { status, body: answer } = await call(api, WANG, 'suggestions', action, { suggestionId: m.id, ...fields });
      expect({ action, status, code: answer.error?.code }).toEqual({ action, status: 403, code: 'FORBIDDEN' });
    }
    expect(await suggestionWorld(api, m)).toEqual(before);
  });

  test('a deputy not on the draft does not see it at all', async () => {
    const m = await suggestionIn(api, 'draft');
    for (const action of ['get', 'cosign', 'submit']) {
      const { status } = await call(api, LI, 'suggestions', action, { suggestionId: m.id });
      expect(status).toBe(404);
    }
  });

  test('submitting waits for every 附议代表; once they confirm it goes to the committee', async () => {
    const m = await suggestionIn(api, 'draft');
    const refused = await call(api, DEPUTY, 'suggestions', 'submit', { suggestionId: m.id });
    expect(refused.body.error).toEqual({ code: 'CONFLICT', message: '还有附议代表未确认，请等全部确认后再提交' });
    expect((await api.store.getSuggestion(m.id))?.status).toBe('draft');

    const confirmed = await api.callAs(WANG, 'suggestions.cosign', { suggestionId: m.id });
    expect(confirmed.coSigners).toEqual([{ deputyId: 'd02', name: '王秀英', confirmed: true }]);
    const again = await call(api, WANG, 'suggestions', 'cosign', { suggestionId: m.id });
    expect(again.body.error).toEqual({ code: 'CONFLICT', message: '您已确认附议' });

    const submitted = await api.callAs(DEPUTY, 'suggestions.submit', { suggestionId: m.id });
    expect(submitted).toMatchObject({ status: 'submitted', decisionDueDate: '2026-03-06' });
  });

  test('an edit starts every confirmation again, and each 附议代表 is asked anew', async () => {
    const m = await suggestionIn(api, 'draft');
    await api.callAs(WANG, 'suggestions.cosign', { suggestionId: m.id });
    const asked = async () =>
      (await api.store.listOutbox(10_000)).filter(
        (o) => o.subjectId === `suggestion:${m.id}` && o.recipientOpenid === WANG,
      );
    const before = (await asked()).length;
    const edited = await api.callAs(DEPUTY, 'suggestions.edit', {
      suggestionId: m.id,
      ...body(m.opinionIds, { coSignerIds: ['d02', 'd03'], title: '关于环城西路口交通组织的建议' }),
    });
    expect(edited.coSigners.map((c) => [c.name, c.confirmed])).toEqual([
      ['王秀英', false],
      ['李志强', false],
    ]);
    const now = await asked();
    expect(now).toHaveLength(before + 1);
    // The message quotes the 建议 as it now reads, which is what they are asked to confirm.
    expect(now.map((o) => o.payload.title)).toContain('关于环城西路口交通组织的建议');
    expect((await call(api, DEPUTY, 'suggestions', 'submit', { suggestionId: m.id })).body.error.code).toBe('CONFLICT');
    await api.callAs(WANG, 'suggestions.cosign', { suggestionId: m.id });
    await api.callAs(LI, 'suggestions.cosign', { suggestionId: m.id });
    expect((await api.callAs(DEPUTY, 'suggestions.submit', { suggestionId: m.id })).status).toBe('submitted');
  });

  test('a draft cites only opinions routed to its 领衔 deputy: another deputy’s opinion is INVALID_INPUT', async () => {
    const mine = await opinionForChen(api);
    const { body: submitted } = await call(api, 'voter-school', 'opinions', 'submit', {
      stationId: 'qx-jiedao',
      category: 'education',
      content: '青溪中心小学放学时段校门口接送车辆乱停，希望增加护学岗并规划临时停车区。',
      requestId: 'req-sg-school-1',
    });
    const theirs = submitted.data.opinionId as string;
    const routedTo = (await api.store.getOpinion(theirs))?.assignedDeputyId;
    expect(routedTo).toBeDefined();
    expect(routedTo).not.toBe('d01');
    const { status, body: answer } = await call(api, DEPUTY, 'suggestions', 'draft', body([mine.opinionId, theirs]));
    expect(status).toBe(400);
    expect(answer.error.code).toBe('INVALID_INPUT');
    expect(answer.error.message).toContain(theirs.slice(-6).toUpperCase());
    // Nor may a deputy lift another's opinion by editing it into a draft of theirs.
    const m = await suggestionIn(api, 'draft');
    const edit = await call(api, DEPUTY, 'suggestions', 'edit', { suggestionId: m.id, ...body([theirs]) });
    expect(edit.body.error.code).toBe('INVALID_INPUT');
  });

  test('a withdrawn opinion, or one that does not exist, cannot be cited', async () => {
    const mine = await opinionForChen(api);
    await api.callAs(mine.voter, 'opinions.withdraw', { opinionId: mine.opinionId });
    for (const cited of [[mine.opinionId], ['op-does-not-exist']]) {
      const { body: answer } = await call(api, DEPUTY, 'suggestions', 'draft', body(cited));
      expect(answer.error.code).toBe('INVALID_INPUT');
    }
  });

  test('staff and voters draft nothing', async () => {
    const { opinionId, voter } = await opinionForChen(api);
    for (const caller of [STAFF, voter, ADMIN, CONTACT.traffic]) {
      const { status } = await call(api, caller, 'suggestions', 'draft', body([opinionId]));
      expect(status).toBe(403);
    }
  });
});
