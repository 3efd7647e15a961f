import { FIXED_NOW, startLocalApi } from '../support/local-api';
import {
  call,
  DEPUTY,
  type LocalApi,
  ok,
  opinionIn,
  type Reachable,
  REPLY,
  reply,
  SCHOOL,
  snapshot,
  STAFF,
  STAFF_NAME,
  submit,
  view,
} from '../support/opinion-calls';

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

// Each call here is made by a role that may do the action in some status, so that the only
// reason for a refusal is the opinion's status.
type Attempt = 'withdraw' | 'rate' | 'reply' | 'transfer' | 'assign' | 'resolve' | 'reject' | 'release' | 'close';
const ATTEMPTS: Record<Attempt, (opinionId: string, voter: string) => [string, string, string, object]> = {
  withdraw: (opinionId, voter) => [voter, 'opinions', 'withdraw', { opinionId }],
  rate: (opinionId, voter) => [voter, 'opinions', 'rate', { opinionId, satisfaction: 'satisfied' }],
  reply: (opinionId) => [DEPUTY, 'casework', 'reply', { opinionId, content: REPLY }],
  transfer: (opinionId) => [
    DEPUTY,
    'casework',
    'transfer',
    { opinionId, unit: '县交通运输局', expectedDate: '2026-03-31' },
  ],
  assign: (opinionId) => [STAFF, 'casework', 'assign', { opinionId }],
  resolve: (opinionId) => [STAFF, 'casework', 'resolve', { opinionId, note: '已办结' }],
  reject: (opinionId) => [
    STAFF,
    'casework',
    'reject',
    { opinionId, kind: 'out_of_remit', reason: '不属于代表履职范围' },
  ],
  release: (opinionId) => [STAFF, 'casework', 'release', { opinionId }],
  close: (opinionId) => [STAFF, 'casework', 'close', { opinionId, note: '复核后结案' }],
};

// What docs/DESIGN.md (The opinion lifecycle) allows in each status; everything else must be refused.
const ALLOWED: Record<Reachable, Attempt[]> = {
  held: ['withdraw', 'reject', 'release'],
  assigned: ['withdraw', 'reply', 'transfer', 'assign', 'reject'],
  transferred: ['withdraw', 'reply', 'transfer', 'assign', 'reject'],
  replied: ['resolve'],
  resolved: ['rate'], // close only after a second 不满意
  closed: [],
  rejected: [],
  withdrawn: [],
};

const cases = (Object.keys(ALLOWED) as Reachable[]).flatMap((status) =>
  (Object.keys(ATTEMPTS) as Attempt[])
    .filter((attempt) => !ALLOWED[status].includes(attempt))
    .map((attempt) => ({
      status,
      attempt,
      // A held opinion is routed to nobody yet: to the deputy it does not exist.
      code: status === 'held' && (attempt === 'reply' || attempt === 'transfer') ? 'NOT_FOUND' : 'CONFLICT',
    })),
);

describe('an action the lifecycle does not allow is refused and changes nothing', () => {
  const opinions = new Map<Reachable, { opinionId: string; voter: string }>();
  beforeAll(async () => {
    for (const status of Object.keys(ALLOWED) as Reachable[]) {
      const voter = `voter-${status}`;
      opinions.set(status, { opinionId: await opinionIn(api, status, voter), voter });
    }
  });

  test.each(cases)('$attempt while $status → $code', async ({ status, attempt, code }) => {
    const { opinionId, voter } = opinions.get(status)!;
    expect((await view(api, voter, opinionId)).status).toBe(status);
    const before = await snapshot(api, opinionId);
    const [caller, fn, action, fields] = ATTEMPTS[attempt](opinionId, voter);
    const { status: http, body } = await call(api, caller, fn, action, fields);
    expect(body).toEqual({ ok: false, error: { code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    expect(http).toBe(code === 'CONFLICT' ? 409 : 404);
    expect(await snapshot(api, opinionId)).toEqual(before);
  });
});

describe('withdrawing', () => {
  test('before a reply the voter may take the opinion back, with a reason on the timeline', async () => {
    const { opinionId } = await submit(api, 'voter-withdraw');
    const withdrawn = await ok(api, 'voter-withdraw', 'opinions', 'withdraw', {
      opinionId,
      reason: '问题已由社区自行解决',
    });
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.timeline.at(-1)).toEqual({
      at: FIXED_NOW,
      actorName: '选民',
      kind: 'withdrawn',
      text: '撤回了意见：问题已由社区自行解决',
      internal: false,
    });
    expect((await call(api, DEPUTY, 'casework', 'inbox', { filter: 'new' })).body.data.items).not.toContainEqual(
      expect.objectContaining({ id: opinionId }),
    );
  });

  // Product bug: withdrawOpinion answers every status past `transferred` with “代表已经答复”, also
  // for a rejected or withdrawn opinion that no deputy ever answered.
  test('a rejected opinion cannot be withdrawn, and the voter is not told a deputy answered', async () => {
    const opinionId = await opinionIn(api, 'rejected', 'voter-rejected');
    const { status, body } = await call(api, 'voter-rejected', 'opinions', 'withdraw', { opinionId });
    expect(status).toBe(409);
    expect(body.error.message).not.toContain('代表已经答复');
  });

  test('after a reply it is too late', async () => {
    const { opinionId } = await submit(api, 'voter-late');
    await reply(api, opinionId);
    const before = await snapshot(api, opinionId);
    const { status, body } = await call(api, 'voter-late', 'opinions', 'withdraw', { opinionId });
    expect(status).toBe(409);
    expect(body.error).toEqual({ code: 'CONFLICT', message: '代表已经答复，不能再撤回' });
    expect(await snapshot(api, opinionId)).toEqual(before);
  });
});

describe('rejecting a duplicate', () => {
  test('needs another opinion of the same station to merge into; the voter sees the reason', async () => {
    const first = await submit(api, 'voter-first', { category: 'education', content: SCHOOL });
    const duplicate = await submit(api, 'voter-dup', {
      category: 'education',
      content: '小学门口放学时车子乱停，孩子过马路很危险，希望管一管。',
    });
    const elsewhere = await submit(api, 'voter-elsewhere', { stationId: 'qx-wenchang' });
    const before = await snapshot(api, duplicate.opinionId);
    const reject = (mergedInto?: string) =>
      call(api, STAFF, 'casework', 'reject', {
        opinionId: duplicate.opinionId,
        kind: 'duplicate',
        reason: '与同一校门口交通问题的意见合并办理',
        ...(mergedInto ? { mergedInto } : {}),
      });

    expect((await reject()).body.error).toEqual({ code: 'INVALID_INPUT', message: '重复意见请指明合并到哪一条' });
    for (const target of [elsewhere.opinionId, duplicate.opinionId, 'op-does-not-exist']) {
      const { status, body } = await reject(target);
      expect(status).toBe(400);
      expect(body.error).toEqual({ code: 'INVALID_INPUT', message: '请指明本站另一条意见作为合并对象' });
    }
    expect(await snapshot(api, duplicate.opinionId)).toEqual(before);

    expect((await reject(first.opinionId)).body.data.status).toBe('rejected');
    const asVoter = await view(api, 'voter-dup', duplicate.opinionId);
    expect(asVoter.rejection).toEqual({
      kind: 'duplicate',
      reason: '与同一校门口交通问题的意见合并办理',
      mergedInto: first.opinionId,
      at: FIXED_NOW,
    });
    expect(asVoter.timeline.at(-1)).toEqual({
      at: FIXED_NOW,
      actorName: STAFF_NAME,
      kind: 'rejected',
      text: `与编号 ${first.opinionId.slice(-6).toUpperCase()} 的意见重复，已合并办理：与同一校门口交通问题的意见合并办理`,
      internal: false,
    });
  });
});

describe('transfer to a handling unit (承办单位)', () => {
  test('the deputy transfers it; the voter sees the unit and the expected date', async () => {
    const { opinionId } = await submit(api, 'voter-transfer');
    const transferred = await ok(api, DEPUTY, 'casework', 'transfer', {
      opinionId,
      unit: '县交通运输局',
      expectedDate: '2026-03-20',
    });
    expect(transferred.status).toBe('transferred');
    const asVoter = await view(api, 'voter-transfer', opinionId);
    expect(asVoter).toMatchObject({
      status: 'transferred',
      statusLabel: '已转承办单位',
      transfer: { unit: '县交通运输局', expectedDate: '2026-03-20', at: FIXED_NOW },
    });
    expect(asVoter.timeline.at(-1)).toEqual({
      at: FIXED_NOW,
      actorName: '代表 陈建国',
      kind: 'transferred',
      text: '已转交县交通运输局办理，预计3月20日 周五前办结',
      internal: false,
    });
    // Transferred is still open: the deputy replies once the unit has answered.
    expect((await reply(api, opinionId)).status).toBe('replied');
  });

  test('an expected date in the past is refused; today is fine', async () => {
    const { opinionId } = await submit(api, 'voter-transfer-2');
    const before = await snapshot(api, opinionId);
    const { status, body } = await call(api, DEPUTY, 'casework', 'transfer', {
      opinionId,
      unit: '县交通运输局',
      expectedDate: '2026-02-28',
    });
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: 'INVALID_INPUT', message: '预计办结日期不能早于今天' });
    expect(await snapshot(api, opinionId)).toEqual(before);
    const today = await call(api, DEPUTY, 'casework', 'transfer', {
      opinionId,
      unit: '县交通运输局',
      expectedDate: '2026-03-01',
    });
    expect(today.body.data.status).toBe('transferred');
  });
});

describe('reassignment by staff', () => {
  test('staff hand it to another deputy of the station, with a fresh due date', async () => {
    const { opinionId } = await submit(api, 'voter-reassign');
    const reassigned = await ok(api, STAFF, 'casework', 'assign', { opinionId, deputyId: 'd03' });
    expect(reassigned).toMatchObject({ status: 'assigned', assignedDeputy: { id: 'd03', name: '李志强' } });
    expect(reassigned.routingReason).toBe(`${STAFF_NAME}指定由李志强办理`);
    expect(reassigned.replyDueDate).toBe('2026-03-13');
    expect(reassigned.timeline.map((l: any) => [l.actorName, l.text])).toContainEqual([
      STAFF_NAME,
      '已交由代表 李志强 办理，应于3月13日 周五前答复',
    ]);
    // 陈建国 no longer sees it.
    expect((await call(api, DEPUTY, 'opinions', 'get', { opinionId })).body.error.code).toBe('NOT_FOUND');
  });

  test('only to an active deputy of the same station', async () => {
    const { opinionId } = await submit(api, 'voter-reassign-2');
    const before = await snapshot(api, opinionId);
    for (const deputyId of ['d04', 'd99']) {
      const { body } = await call(api, STAFF, 'casework', 'assign', { opinionId, deputyId });
      expect(body.error).toEqual({ code: 'INVALID_INPUT', message: '只能分派给本站在任的代表' });
    }
    const same = await call(api, STAFF, 'casework', 'assign', { opinionId, deputyId: 'd01' });
    expect(same.body.error).toEqual({ code: 'CONFLICT', message: '已经分派给这位代表' });
    expect(await snapshot(api, opinionId)).toEqual(before);
  });
});
