import { FIXED_NOW, startLocalApi } from '../support/local-api';
import { ADMIN, call, DEPUTY, type LocalApi } from '../support/opinion-calls';
import { CONTACT, suggestionIn, suggestionStreet, suggestionWorld, UNITS } from '../support/suggestion-calls';

// The clock is set by each test: the 建议 are handed over on Sunday 1 March 2026 (FIXED_NOW),
// so the answer is due on 1 June, and an extension may reach 1 September at most.
const clock = { at: FIXED_NOW, now: () => clock.at };
/** `local` Shanghai wall-clock time, e.g. '2026-06-01T23:59'. */
const setClock = (local: string) => {
  clock.at = Date.parse(`${local}+08:00`);
};

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi(clock);
  await suggestionStreet(api);
});
beforeEach(() => {
  clock.at = FIXED_NOW;
});
afterAll(() => api.stop());

const requestReturn = (id: string, contact = CONTACT.traffic) =>
  call(api, contact, 'suggestions', 'requestReturn', { suggestionId: id, reason: '该路口属于市政道路，不属我局管养' });
const answer = (id: string, fields: Record<string, unknown> = {}, contact = CONTACT.traffic) =>
  call(api, contact, 'suggestions', 'answer', {
    suggestionId: id,
    answerClass: 'A',
    content: '经现场勘查，已在该路口增设信号灯并延长行人绿灯时间至35秒。',
    ...fields,
  });
const feedback = (id: string, satisfaction: string, comment?: string) =>
  call(api, DEPUTY, 'suggestions', 'feedback', { suggestionId: id, satisfaction, ...(comment ? { comment } : {}) });

describe('退回: a unit asks once; the committee refuses or hands it elsewhere', () => {
  test('refused: back with the same unit and the same due date; a second 退回 is CONFLICT and writes nothing', async () => {
    const m = await suggestionIn(api, 'assigned');
    setClock('2026-03-05T10:00');
    expect((await requestReturn(m.id)).body.data.status).toBe('returned');
    const refused = await api.callAs(ADMIN, 'suggestions.ruleReturn', {
      suggestionId: m.id,
      decision: 'refuse',
      note: '该路口由交通局负责信号灯设置',
    });
    expect(refused).toMatchObject({
      status: 'assigned',
      assignment: { leadUnit: { id: UNITS.traffic.id }, assignedOn: '2026-03-01', dueDate: '2026-06-01' },
      pendingDueDate: '2026-06-01',
    });
    expect(refused.returns).toEqual([
      expect.objectContaining({
        unitName: '县交通运输局',
        ruling: { label: '不同意退回', note: '该路口由交通局负责信号灯设置' },
      }),
    ]);

    const before = await suggestionWorld(api, m);
    const again = await requestReturn(m.id);
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({ code: 'CONFLICT', message: '每件建议只能申请退回一次' });
    expect(await suggestionWorld(api, m)).toEqual(before);
    expect((await api.callAs(CONTACT.traffic, 'suggestions.get', { suggestionId: m.id })).can.requestReturn).toBe(
      false,
    );
  });

  test('granted: new units, a new 交办 day and new due dates; the old unit keeps read-only access and its 退回 counts', async () => {
    const m = await suggestionIn(api, 'assigned');
    setClock('2026-03-05T10:00');
    await requestReturn(m.id);
    setClock('2026-03-10T09:00');
    const reassigned = await api.callAs(ADMIN, 'suggestions.ruleReturn', {
      suggestionId: m.id,
      decision: 'reassign',
      note: '改由执法局主办',
      leadUnitId: UNITS.city.id,
      coUnitIds: [UNITS.water.id],
    });
    expect(reassigned).toMatchObject({
      status: 'assigned',
      assignment: {
        leadUnit: { id: UNITS.city.id },
        coUnits: [{ id: UNITS.water.id }],
        assignedOn: '2026-03-10',
        dueDate: '2026-06-10',
        coViewDueDate: '2026-04-10',
      },
    });

    const asOld = await api.callAs(CONTACT.traffic, 'suggestions.get', { suggestionId: m.id });
    expect(asOld.content).toBe(m.view.content);
    expect(Object.values(asOld.can).some(Boolean)).toBe(false);
    expect((await answer(m.id)).status).toBe(403);
    // The 协办 of the first 交办 is no longer part of it.
    expect((await call(api, CONTACT.housing, 'suggestions', 'get', { suggestionId: m.id })).status).toBe(404);
    expect((await api.callAs(CONTACT.city, 'suggestions.get', { suggestionId: m.id })).can.answer).toBe(true);

    const figures = await api.callAs(ADMIN, 'suggestions.figures', { from: '2026-03-01', to: '2026-03-31' });
    expect(figures.units.find((u) => u.unitId === UNITS.traffic.id)?.returns).toBeGreaterThanOrEqual(1);

    // The new unit may ask too, once.
    expect((await requestReturn(m.id, CONTACT.city)).body.data.status).toBe('returned');
  });

  test('granting a 退回 back to the unit that asked is INVALID_INPUT', async () => {
    const m = await suggestionIn(api, 'returned');
    const before = await suggestionWorld(api, m);
    const { body } = await call(api, ADMIN, 'suggestions', 'ruleReturn', {
      suggestionId: m.id,
      decision: 'reassign',
      note: '仍由交通局办理',
      leadUnitId: UNITS.traffic.id,
    });
    expect(body.error).toEqual({ code: 'INVALID_INPUT', message: '改交时请选择另一个主办单位' });
    expect(await suggestionWorld(api, m)).toEqual(before);
  });

  test('only the 主办 asks for a 退回', async () => {
    const m = await suggestionIn(api, 'assigned');
    expect((await requestReturn(m.id, CONTACT.housing)).status).toBe(403);
  });
});

describe('an extension: later than the current due date, at most 6 months after 交办', () => {
  test.each`
    dueDate         | code
    ${'2026-06-01'} | ${'INVALID_INPUT'}
    ${'2026-05-20'} | ${'INVALID_INPUT'}
    ${'2026-09-02'} | ${'INVALID_INPUT'}
  `('to $dueDate → $code, nothing written', async ({ dueDate, code }) => {
    const m = await suggestionIn(api, 'assigned');
    const before = await suggestionWorld(api, m);
    const { body } = await call(api, ADMIN, 'suggestions', 'extend', {
      suggestionId: m.id,
      dueDate,
      reason: '需要编制预算',
    });
    expect(body.error.code).toBe(code);
    expect(await suggestionWorld(api, m)).toEqual(before);
  });

  test('to exactly 6 months is allowed; a second extension must be later still', async () => {
    const m = await suggestionIn(api, 'assigned');
    await api.callAs(ADMIN, 'suggestions.extend', {
      suggestionId: m.id,
      dueDate: '2026-08-01',
      reason: '需要编制预算',
    });
    const { body } = await call(api, ADMIN, 'suggestions', 'extend', {
      suggestionId: m.id,
      dueDate: '2026-07-15',
      reason: '再次调整',
    });
    expect(body.error).toEqual({ code: 'INVALID_INPUT', message: '延期后的期限须晚于现在的答复期限' });
    const latest = await api.callAs(ADMIN, 'suggestions.extend', {
      suggestionId: m.id,
      dueDate: '2026-09-01',
      reason: '工程延后',
    });
    expect(latest.assignment).toMatchObject({ dueDate: '2026-06-01', extension: { dueDate: '2026-09-01' } });
    expect(latest.pendingDueDate).toBe('2026-09-01');
  });

  test('on time is judged against the extended date', async () => {
    const m = await suggestionIn(api, 'assigned');
    await api.callAs(ADMIN, 'suggestions.extend', {
      suggestionId: m.id,
      dueDate: '2026-07-15',
      reason: '需要编制预算',
    });
    setClock('2026-07-15T23:59');
    const answered = await answer(m.id);
    expect(answered.body.data.answers[0]).toMatchObject({ onTime: true, round: 1 });
  });
});

describe('the answer', () => {
  test('class B needs a planned date, not before today; nothing is written otherwise', async () => {
    const m = await suggestionIn(api, 'assigned');
    const before = await suggestionWorld(api, m);
    const noDate = await answer(m.id, { answerClass: 'B' });
    expect(noDate.body.error).toEqual({ code: 'INVALID_INPUT', message: 'B类答复请填写计划完成日期' });
    const past = await answer(m.id, { answerClass: 'B', plannedDate: '2026-02-28' });
    expect(past.body.error).toEqual({ code: 'INVALID_INPUT', message: '计划完成日期不能早于今天' });
    expect(await suggestionWorld(api, m)).toEqual(before);
    const planned = await answer(m.id, { answerClass: 'B', plannedDate: '2026-10-31' });
    expect(planned.body.data.answers[0]).toMatchObject({ answerClass: 'B', plannedDate: '2026-10-31' });
  });

  test('on the due day it is on time; the day after it is late, and says so', async () => {
    const onTime = await suggestionIn(api, 'assigned');
    const late = await suggestionIn(api, 'assigned');
    setClock('2026-06-01T23:59');
    expect((await answer(onTime.id)).body.data.answers[0].onTime).toBe(true);
    setClock('2026-06-02T00:00');
    const answered = (await answer(late.id)).body.data;
    expect(answered.answers[0].onTime).toBe(false);
    expect(answered.events.at(-1).text).toBe('答复（A 已解决或基本解决），已超过答复期限');
    expect((await api.store.listAudit('suggestion', late.id)).at(-1)?.detail).toMatchObject({ onTime: false });
  });

  test('only the 主办 answers: the 协办 gives its view instead, once', async () => {
    const m = await suggestionIn(api, 'assigned');
    expect((await answer(m.id, {}, CONTACT.housing)).status).toBe(403);
    const view = { suggestionId: m.id, content: '同意主办单位意见，配合做好人行道改造。' };
    expect((await api.callAs(CONTACT.housing, 'suggestions.coView', view)).coViews).toHaveLength(1);
    expect((await call(api, CONTACT.housing, 'suggestions', 'coView', view)).body.error).toEqual({
      code: 'CONFLICT',
      message: '贵单位已提交协办意见',
    });
  });
});

describe('征询意见: the 领衔 deputy rates the answer', () => {
  test('满意 settles it', async () => {
    const m = await suggestionIn(api, 'answered');
    expect((await feedback(m.id, 'satisfied')).body.data.status).toBe('settled');
  });

  test('基本满意 settles it too', async () => {
    const m = await suggestionIn(api, 'answered');
    expect((await feedback(m.id, 'basically_satisfied')).body.data.status).toBe('settled');
  });

  test('不满意 sends it back for 再办 within a month; a second 不满意 settles it as 不满意', async () => {
    const m = await suggestionIn(api, 'answered');
    setClock('2026-03-20T10:00');
    const noReason = await feedback(m.id, 'dissatisfied');
    expect(noReason.body.error.code).toBe('INVALID_INPUT');
    const redo = (await feedback(m.id, 'dissatisfied', '护学岗没有落实')).body.data;
    expect(redo).toMatchObject({ status: 'redo', pendingDueDate: '2026-04-20' });
    const told = (await api.store.listOutbox(10_000)).filter(
      (o) => o.subjectId === `suggestion:${m.id}` && o.recipientOpenid === CONTACT.traffic,
    );
    expect(told.map((o) => o.payload)).toContainEqual({ title: m.view.title, what: '再办', due: '2026-04-20' });

    setClock('2026-04-21T09:00');
    const second = (await answer(m.id, { content: '已协调公安交警在上下学时段设置护学岗，每日两次。' })).body.data;
    expect(second.answers[1]).toMatchObject({ round: 2, onTime: false });
    expect(second.events.at(-1).text).toBe('再次答复（A 已解决或基本解决），已超过答复期限');

    const settled = (await feedback(m.id, 'dissatisfied', '仍未解决')).body.data;
    expect(settled.status).toBe('settled');
    expect(settled.feedback.map((f: { satisfactionLabel: string }) => f.satisfactionLabel)).toEqual([
      '不满意',
      '不满意',
    ]);
    expect((await api.store.getSuggestion(m.id))?.feedback.at(-1)).toMatchObject({
      satisfaction: 'dissatisfied',
      round: 2,
    });
  });

  test('a B-class plan carried out is reported once, also after 办结', async () => {
    const m = await suggestionIn(api, 'assigned');
    await answer(m.id, { answerClass: 'B', plannedDate: '2026-10-31' });
    await feedback(m.id, 'basically_satisfied');
    const fulfilled = await api.callAs(CONTACT.traffic, 'suggestions.fulfil', {
      suggestionId: m.id,
      note: '信号灯已于十月安装完成',
    });
    expect(fulfilled).toMatchObject({ status: 'settled', fulfilment: { note: '信号灯已于十月安装完成' } });
    const again = await call(api, CONTACT.traffic, 'suggestions', 'fulfil', { suggestionId: m.id, note: '再次报告' });
    expect(again.body.error).toEqual({ code: 'CONFLICT', message: '已报告过落实情况' });
    const lines = await api.store.listTimeline(m.opinionIds[0]!);
    expect(lines.at(-1)).toMatchObject({ kind: 'suggestion.fulfilled', visibility: 'public' });
  });
});
