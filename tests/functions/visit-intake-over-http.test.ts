import { startLocalApi } from '../support/local-api';
import { activityStreet, codeOf, LI, visit, WANG } from '../support/activity-calls';
import { ADMIN, DEPUTY, type LocalApi, newRequestId, STAFF, tableCounts, TRAFFIC } from '../support/opinion-calls';

// A deputy's own 走访选民 (docs/DESIGN.md, 履职): the opinions voters raise on it are taken down by
// the deputy "as walk-ins are" — for the voter, with a claim code — stay with that deputy, and are
// listed on the visit. Only the deputy whose visit it is may do so, and never on a refused visit.

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
  await activityStreet(api);
});
afterAll(() => api.stop());

const NOISE = '环城西路夜间大货车鸣笛、急刹车噪音很大，沿街老人睡不好觉，希望限行或设置禁鸣标志。';
const VISIT_REASON = '代表走访选民时收集，由该代表本人办理';

/** What a deputy enters on the intake page opened from their visit. */
const raised = (activityId: string, fields: Record<string, unknown> = {}) => ({
  activityId,
  category: 'transport' as const,
  content: NOISE,
  requestId: newRequestId('visit'),
  ...fields,
});

const recordVisit = (openid: string) => api.callAs(openid, 'activities.record', visit(12));
const written = () => tableCounts(api);

describe('a deputy takes down what voters raised on their own visit', () => {
  test('the opinion is the deputy’s own case, the voter gets a claim code, the visit lists it', async () => {
    const own = await recordVisit(DEPUTY);
    expect(own.can.intake).toBe(true);
    const taken = await api.callAs(DEPUTY, 'casework.intake', raised(own.id));
    expect(taken).toMatchObject({ status: 'assigned', assignedDeputyId: 'd01', claimCode: expect.any(String) });

    const opinion = await api.store.getOpinion(taken.opinionId);
    expect(opinion).toMatchObject({
      source: 'visit',
      stationId: 'qx-jiedao',
      authorOpenid: '',
      submittedBy: DEPUTY,
      routingReason: VISIT_REASON,
    });
    const lines = (await api.store.listTimeline(taken.opinionId)).filter((e) => e.visibility === 'public');
    expect(lines[0]).toMatchObject({ actorRole: 'deputy', text: '代表 陈建国走访选民时代为登记了这条意见' });

    const listed = await api.callAs(DEPUTY, 'activities.get', { activityId: own.id });
    expect(listed.opinionIds).toEqual([taken.opinionId]);
    const audit = await api.store.listAudit('activity', own.id);
    expect(audit.map((a) => a.action)).toEqual(['activities.record', 'activities.listOpinion']);

    // The voter follows it in the app with the code, as after a reception day.
    const claimed = await api.callAs('visit-voter', 'opinions.claim', { claimCode: taken.claimCode });
    expect(claimed).toMatchObject({ id: taken.opinionId, source: 'visit' });
  });

  test('a retry of the same entry writes nothing more and lists the opinion once', async () => {
    const own = await recordVisit(DEPUTY);
    const entry = raised(own.id);
    const first = await api.callAs(DEPUTY, 'casework.intake', entry);
    const before = written();
    const again = await api.callAs(DEPUTY, 'casework.intake', entry);
    expect(again.opinionId).toBe(first.opinionId);
    expect(written()).toEqual(before);
    expect((await api.callAs(DEPUTY, 'activities.get', { activityId: own.id })).opinionIds).toEqual([first.opinionId]);
  });

  test('a held text waits for staff, then goes back to the deputy who took it down, not to the routing rule', async () => {
    const own = await recordVisit(WANG);
    const held = await api.callAs(WANG, 'casework.intake', raised(own.id, { content: `${TRAFFIC}垃圾东西` }));
    expect(held.status).toBe('held');
    await api.callAs(STAFF, 'casework.release', { opinionId: held.opinionId });
    expect(await api.store.getOpinion(held.opinionId)).toMatchObject({
      status: 'assigned',
      assignedDeputyId: 'd02',
      routingReason: VISIT_REASON,
    });
  });
});

describe('nobody else takes down opinions on a visit, and a refused visit takes none', () => {
  test('another deputy, staff and the committee are refused on 陈建国’s visit; nothing is written', async () => {
    const own = await recordVisit(DEPUTY);
    const before = written();
    expect(await codeOf(api, WANG, 'casework.intake', raised(own.id))).toBe('FORBIDDEN');
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(await codeOf(api, LI, 'casework.intake', raised(own.id)));
    expect(await codeOf(api, STAFF, 'casework.intake', raised(own.id))).toBe('INVALID_INPUT');
    expect(await codeOf(api, ADMIN, 'casework.intake', raised(own.id))).toBe('INVALID_INPUT');
    expect(written()).toEqual(before);
    expect((await api.callAs(STAFF, 'activities.get', { activityId: own.id })).can.intake).toBe(false);
  });

  test('a deputy records no reception-day walk-in: without their visit it is FORBIDDEN', async () => {
    const { activityId: _none, ...walkIn } = raised('x');
    const before = written();
    expect(await codeOf(api, DEPUTY, 'casework.intake', walkIn)).toBe('FORBIDDEN');
    expect(written()).toEqual(before);
  });

  test('a visit staff refused takes no more opinions', async () => {
    const own = await recordVisit(DEPUTY);
    await api.callAs(STAFF, 'activities.review', { activityId: own.id, confirm: false, note: '走访记录与实际不符' });
    const before = written();
    expect(await codeOf(api, DEPUTY, 'casework.intake', raised(own.id))).toBe('CONFLICT');
    expect(written()).toEqual(before);
    expect((await api.callAs(DEPUTY, 'activities.get', { activityId: own.id })).can.intake).toBe(false);
  });
});
