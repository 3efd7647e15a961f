import { startLocalApi } from '../support/local-api';
import {
  ADMIN,
  call,
  DEPUTY,
  draft,
  type LocalApi,
  newRequestId,
  opinionIn,
  REPLY,
  SCHOOL,
  snapshot,
  STAFF,
  submit,
  tableCounts,
  VOTER,
} from '../support/opinion-calls';

let api: LocalApi;
let assigned: string; // demo-voter's, routed to 陈建国
let resolved: string; // demo-voter's, waiting for the rating
beforeAll(async () => {
  api = await startLocalApi();
  assigned = await opinionIn(api, 'assigned', VOTER);
  resolved = await opinionIn(api, 'resolved', VOTER);
});
afterAll(() => api.stop());

/** Everything a forbidden call could have touched. */
const world = async () => ({
  counts: tableCounts(api),
  assigned: await snapshot(api, assigned),
  resolved: await snapshot(api, resolved),
});

describe('the caller is the platform identity, never the payload', () => {
  test.each`
    field         | value
    ${'openid'}   | ${'demo-deputy'}
    ${'_openid'}  | ${'demo-deputy'}
    ${'userInfo'} | ${{ openId: 'demo-deputy', appId: 'wx0000000000000000' }}
  `('a voter sending $field of the deputy still cannot reply', async ({ field, value }) => {
    const before = await world();
    const { status, body } = await call(api, VOTER, 'casework', 'reply', {
      opinionId: assigned,
      content: REPLY,
      [field]: value,
    });
    expect(status).toBe(403);
    expect(body.error.code).toBe('FORBIDDEN');
    expect(await world()).toEqual(before);
  });

  test('an opinion is filed under the calling voter whatever the payload claims', async () => {
    const { body } = await call(api, 'voter-honest', 'opinions', 'submit', {
      action: 'submit',
      ...draft(),
      openid: VOTER,
      _openid: VOTER,
    });
    const stored = await api.store.getOpinion(body.data.opinionId);
    expect(stored).toMatchObject({ authorOpenid: 'voter-honest', submittedBy: 'voter-honest' });
  });

  test('without a platform identity every opinions and casework action is UNAUTHENTICATED', async () => {
    for (const [fn, action] of [
      ['opinions', 'submit'],
      ['opinions', 'mine'],
      ['opinions', 'get'],
      ['casework', 'inbox'],
      ['casework', 'reply'],
    ]) {
      const { status, body } = await call(api, undefined, fn!, action!, { opinionId: assigned, openid: VOTER });
      expect([fn, action, status, body.error.code]).toEqual([fn, action, 401, 'UNAUTHENTICATED']);
    }
  });
});

type Row = { who: string; fn: string; action: string; fields: () => object };
const opinionOf =
  (extra: object = {}) =>
  () => ({ opinionId: assigned, ...extra });
const walkIn = () => ({
  category: 'housing',
  content: '棚改安置房交房时间一再推迟，希望给个准信。',
  requestId: newRequestId('walkin'),
});

const FORBIDDEN: Row[] = [
  { who: VOTER, fn: 'casework', action: 'inbox', fields: () => ({}) },
  { who: VOTER, fn: 'casework', action: 'reply', fields: opinionOf({ content: REPLY }) },
  {
    who: VOTER,
    fn: 'casework',
    action: 'transfer',
    fields: opinionOf({ unit: '县交通运输局', expectedDate: '2026-03-31' }),
  },
  { who: VOTER, fn: 'casework', action: 'note', fields: opinionOf({ text: '我自己加个备注' }) },
  { who: VOTER, fn: 'casework', action: 'resolve', fields: opinionOf({ note: '我觉得已经解决了' }) },
  { who: VOTER, fn: 'casework', action: 'assign', fields: opinionOf({ deputyId: 'd02' }) },
  { who: VOTER, fn: 'casework', action: 'reject', fields: opinionOf({ kind: 'out_of_remit', reason: '不想要了' }) },
  { who: VOTER, fn: 'casework', action: 'release', fields: opinionOf() },
  { who: VOTER, fn: 'casework', action: 'close', fields: opinionOf({ note: '结案' }) },
  { who: VOTER, fn: 'casework', action: 'intake', fields: walkIn },
  { who: VOTER, fn: 'casework', action: 'issueInvite', fields: () => ({ role: 'deputy', deputyId: 'd03' }) },
  { who: DEPUTY, fn: 'casework', action: 'resolve', fields: opinionOf({ note: '已办结' }) },
  { who: DEPUTY, fn: 'casework', action: 'assign', fields: opinionOf({ deputyId: 'd02' }) },
  { who: DEPUTY, fn: 'casework', action: 'reject', fields: opinionOf({ kind: 'out_of_remit', reason: '不归我管' }) },
  { who: DEPUTY, fn: 'casework', action: 'release', fields: opinionOf() },
  { who: DEPUTY, fn: 'casework', action: 'intake', fields: walkIn },
  { who: DEPUTY, fn: 'casework', action: 'issueInvite', fields: () => ({ role: 'deputy', deputyId: 'd03' }) },
  { who: DEPUTY, fn: 'opinions', action: 'withdraw', fields: opinionOf() },
  { who: STAFF, fn: 'casework', action: 'reply', fields: opinionOf({ content: REPLY }) },
  {
    who: STAFF,
    fn: 'casework',
    action: 'transfer',
    fields: opinionOf({ unit: '县交通运输局', expectedDate: '2026-03-31' }),
  },
  { who: STAFF, fn: 'casework', action: 'issueInvite', fields: () => ({ role: 'staff', stationId: 'qx-jiedao' }) },
  { who: STAFF, fn: 'casework', action: 'issueInvite', fields: () => ({ role: 'deputy', deputyId: 'd04' }) },
  { who: STAFF, fn: 'opinions', action: 'rate', fields: () => ({ opinionId: resolved, satisfaction: 'satisfied' }) },
  { who: STAFF, fn: 'opinions', action: 'withdraw', fields: opinionOf() },
  { who: ADMIN, fn: 'casework', action: 'reply', fields: opinionOf({ content: REPLY }) },
  { who: ADMIN, fn: 'opinions', action: 'rate', fields: () => ({ opinionId: resolved, satisfaction: 'dissatisfied' }) },
];

describe('each role is refused what is not theirs: FORBIDDEN, HTTP 403, nothing written', () => {
  test.each(FORBIDDEN)('$who → $fn.$action', async ({ who, fn, action, fields }) => {
    const before = await world();
    const { status, body } = await call(api, who, fn, action, fields());
    expect(body).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fa5]/) },
    });
    expect(status).toBe(403);
    expect(await world()).toEqual(before);
  });
});

describe('a deputy answers only what is routed to them', () => {
  test('an opinion routed to another deputy of the station is NOT_FOUND to 陈建国 (its existence is not revealed)', async () => {
    const { opinionId, assignedDeputyId } = await submit(api, 'voter-school', {
      category: 'education',
      content: SCHOOL,
    });
    expect(assignedDeputyId).toBe('d02');
    const before = await snapshot(api, opinionId);
    for (const [action, fields] of [
      ['reply', { content: REPLY }],
      ['transfer', { unit: '县教育局', expectedDate: '2026-03-31' }],
      ['note', { text: '我来看看' }],
    ] as const) {
      const { status, body } = await call(api, DEPUTY, 'casework', action, { opinionId, ...fields });
      expect([action, status, body.error.code]).toEqual([action, 404, 'NOT_FOUND']);
    }
    expect(await snapshot(api, opinionId)).toEqual(before);
  });

  test('even their own opinion, when it is routed to someone else, is FORBIDDEN to answer', async () => {
    const { opinionId } = await submit(api, DEPUTY, { category: 'education', content: SCHOOL });
    const before = await snapshot(api, opinionId);
    const { status, body } = await call(api, DEPUTY, 'casework', 'reply', { opinionId, content: REPLY });
    expect(status).toBe(403);
    expect(body.error).toEqual({ code: 'FORBIDDEN', message: '这条意见没有分派给您' });
    expect(await snapshot(api, opinionId)).toEqual(before);
  });
});

describe('staff act only within their station', () => {
  test('an opinion at 文昌新村 is NOT_FOUND to 青溪街道 staff, for reading and for every action', async () => {
    const { opinionId } = await submit(api, 'voter-wenchang', { stationId: 'qx-wenchang', category: 'housing' });
    const before = await snapshot(api, opinionId);
    for (const [action, fields] of [
      ['assign', {}],
      ['reject', { kind: 'out_of_remit', reason: '不属于本站' }],
      ['note', { text: '看一眼' }],
    ] as const) {
      const { status, body } = await call(api, STAFF, 'casework', action, { opinionId, ...fields });
      expect([action, status, body.error.code]).toEqual([action, 404, 'NOT_FOUND']);
    }
    expect((await call(api, STAFF, 'opinions', 'get', { opinionId })).status).toBe(404);
    expect(await snapshot(api, opinionId)).toEqual(before);
  });

  test('walk-in intake for another station is FORBIDDEN', async () => {
    const before = tableCounts(api);
    const { status, body } = await call(api, STAFF, 'casework', 'intake', { ...walkIn(), stationId: 'qx-wenchang' });
    expect(status).toBe(403);
    expect(body.error.code).toBe('FORBIDDEN');
    expect(tableCounts(api)).toEqual(before);
  });
});
