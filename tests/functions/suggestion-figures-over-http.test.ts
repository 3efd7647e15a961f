import { COLLECTION_NAMES } from '../../server/adapters/cloudbase/collections';
import { createCloudbaseStore } from '../../server/adapters/cloudbase/cloudbase-store';
import { unitFigures } from '../../server/services/suggestion-figures';
import type { UnitFiguresView } from '../../src/domain/suggestion-figures';
import { FIXED_NOW, startLocalApi } from '../support/local-api';
import { createMemoryDatabase, memoryCloudbaseApp } from '../support/memory-cloudbase';
import { ADMIN, call, DEPUTY, type LocalApi, STAFF } from '../support/opinion-calls';
import { CONTACT, suggestionIn, suggestionStreet, UNITS } from '../support/suggestion-calls';

// Seven 建议 of 陈建国, all submitted and handed over in March 2026, worked through the API with
// the clock moved by hand; 承办单位办理情况 for March must match the counts written out below, as
// the SQLite store counts them over the API and as the CloudBase store (on its in-memory
// stand-in) counts the same documents.
//
//   S1 交通局  交办 03-01, A on 03-11 (10 days), 满意
//   S2 交通局  交办 03-01, C on 06-02 (93 days, late: due 06-01), 基本满意
//   S3 交通局  交办 03-01, B on 03-21 (20 days), 不满意 → 再办, A on 04-01, 不满意 → 办结 不满意
//   S4 住建局  交办 03-01, 退回 refused, A on 04-01 (31 days), no 征询意见 yet
//   S5 住建局  交办 03-01, 退回 granted 03-15 → 执法局 (主办), not answered
//   S6 declined
//   S7 水利局  交办 03-01, 重点督办, not answered
const clock = { at: FIXED_NOW, now: () => clock.at };
const setClock = (local: string) => {
  clock.at = Date.parse(`${local}+08:00`);
};

let api: LocalApi;

const answer = (id: string, answerClass: 'A' | 'B' | 'C', contact = CONTACT.traffic) =>
  api.callAs(contact, 'suggestions.answer', {
    suggestionId: id,
    answerClass,
    content: '经现场勘查并与有关部门会商，答复如下：已按建议组织实施。',
    ...(answerClass === 'B' ? { plannedDate: '2026-12-31' } : {}),
  });
const feedback = (id: string, satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied') =>
  api.callAs(DEPUTY, 'suggestions.feedback', {
    suggestionId: id,
    satisfaction,
    ...(satisfaction === 'dissatisfied' ? { comment: '问题没有解决' } : {}),
  });

beforeAll(async () => {
  api = await startLocalApi(clock);
  await suggestionStreet(api);
  const s1 = await suggestionIn(api, 'assigned');
  const s2 = await suggestionIn(api, 'assigned');
  const s3 = await suggestionIn(api, 'assigned');
  const s4 = await suggestionIn(api, 'returned', { lead: 'housing' });
  const s5 = await suggestionIn(api, 'returned', { lead: 'housing' });
  await suggestionIn(api, 'declined');
  const s7 = await suggestionIn(api, 'assigned', { lead: 'water' });
  await api.callAs(ADMIN, 'suggestions.supervise', { suggestionId: s7.id, reason: '群众反映集中' });
  await api.callAs(ADMIN, 'suggestions.ruleReturn', {
    suggestionId: s4.id,
    decision: 'refuse',
    note: '仍由住建局办理',
  });

  setClock('2026-03-11T10:00');
  await answer(s1.id, 'A');
  await feedback(s1.id, 'satisfied');

  setClock('2026-03-15T10:00');
  await api.callAs(ADMIN, 'suggestions.ruleReturn', {
    suggestionId: s5.id,
    decision: 'reassign',
    note: '改由执法局主办',
    leadUnitId: UNITS.city.id,
  });

  setClock('2026-03-21T10:00');
  await answer(s3.id, 'B');
  setClock('2026-03-22T10:00');
  await feedback(s3.id, 'dissatisfied');

  setClock('2026-04-01T10:00');
  await answer(s3.id, 'A');
  await feedback(s3.id, 'dissatisfied');
  await answer(s4.id, 'A', CONTACT.housing);

  setClock('2026-06-02T10:00');
  await answer(s2.id, 'C');
  await feedback(s2.id, 'basically_satisfied');
});
afterAll(() => api.stop());

const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const r = (numerator: number, denominator: number) => expect.objectContaining({ numerator, denominator });

/** The figures of the seven, counted by hand. */
const EXPECTED = {
  from: MARCH.from,
  to: MARCH.to,
  submitted: 7,
  declined: 1,
  street: expect.objectContaining({
    assigned: 6,
    answered: 4,
    answerRate: r(4, 6),
    onTimeRate: r(3, 4),
    classA: 3,
    classB: 0,
    classC: 1,
    withFeedback: 3,
    satisfactionRate: r(2, 3),
    returns: 2,
    supervised: 1,
    medianDaysToAnswer: 20,
  }),
  units: [
    expect.objectContaining({
      unitId: UNITS.traffic.id,
      unitName: '县交通运输局',
      assigned: 3,
      answered: 3,
      onTimeRate: r(2, 3),
      classA: 2,
      classB: 0,
      classC: 1,
      withFeedback: 3,
      satisfactionRate: r(2, 3),
      returns: 0,
      supervised: 0,
      medianDaysToAnswer: 20,
    }),
    expect.objectContaining({
      unitId: UNITS.housing.id,
      assigned: 1,
      answered: 1,
      onTimeRate: r(1, 1),
      classA: 1,
      withFeedback: 0,
      returns: 2,
      medianDaysToAnswer: 31,
    }),
    expect.objectContaining({
      unitId: UNITS.city.id,
      assigned: 1,
      answered: 0,
      returns: 0,
      medianDaysToAnswer: null,
    }),
    expect.objectContaining({ unitId: UNITS.water.id, assigned: 1, answered: 0, supervised: 1 }),
  ],
};

describe('承办单位办理情况 matches a count by hand', () => {
  test('over the API, on the SQLite store, for the committee and the staff alike', async () => {
    const asCommittee = await api.callAs(ADMIN, 'suggestions.figures', MARCH);
    expect(asCommittee).toEqual(EXPECTED);
    expect(await api.callAs(STAFF, 'suggestions.figures', MARCH)).toEqual(asCommittee);
  });

  test('on the CloudBase store, from the same documents', async () => {
    const cloud = createCloudbaseStore(memoryCloudbaseApp(createMemoryDatabase({ collections: COLLECTION_NAMES })));
    const audit = { at: FIXED_NOW, actor: 'test', action: 'test.copy', targetType: 'suggestion', targetId: 'x' };
    for (const unit of Object.values(UNITS)) await cloud.putHandlingUnit(unit, audit);
    const { items } = await api.store.listSuggestions({ limit: 100 });
    expect(items).toHaveLength(7);
    for (const s of items) await cloud.createSuggestion(s, { audit, opinionEvents: [], outbox: [] });
    const counted: UnitFiguresView = await unitFigures(cloud, MARCH.from, MARCH.to);
    expect(counted).toEqual(EXPECTED);
    expect(counted).toEqual(await unitFigures(api.store, MARCH.from, MARCH.to));
  });

  test('a period before any 交办 counts nothing', async () => {
    expect(await api.callAs(ADMIN, 'suggestions.figures', { from: '2026-02-01', to: '2026-02-28' })).toMatchObject({
      submitted: 0,
      declined: 0,
      street: { assigned: 0, answered: 0, medianDaysToAnswer: null },
      units: [],
    });
  });

  test('deputies, units and voters are refused the figures', async () => {
    for (const caller of [DEPUTY, CONTACT.traffic, 'voter-figures']) {
      expect((await call(api, caller, 'suggestions', 'figures', MARCH)).status).toBe(403);
    }
  });
});
