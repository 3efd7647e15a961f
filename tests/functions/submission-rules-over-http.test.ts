import { nodeIds } from '../../server/adapters/node-ids';
import { DEMO_DEPUTIES } from '../../server/local/demo-street';
import { FIXED_NOW, startLocalApi } from '../support/local-api';
import {
  call,
  DEPUTY,
  draft,
  type LocalApi,
  newRequestId,
  ok,
  opinionIn,
  STAFF,
  STAFF_NAME,
  submit,
  tableCounts,
  view,
} from '../support/opinion-calls';

const HOUR = 60 * 60 * 1000;

let t = FIXED_NOW;
let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi({ now: () => t });
});
afterAll(() => api.stop());
beforeEach(() => {
  t = FIXED_NOW;
});

const inboxIds = async (openid: string, filter: string) =>
  ((await ok(api, openid, 'casework', 'inbox', { filter })).items as Array<{ id: string }>).map((o) => o.id);

describe('the daily limit per caller', () => {
  const voter = 'voter-busy';

  test('ten opinions in a day are accepted; the eleventh is RATE_LIMITED and writes nothing', async () => {
    const first = newRequestId('busy');
    for (let i = 0; i < 10; i += 1) {
      t = FIXED_NOW + i * HOUR;
      await submit(api, voter, i === 0 ? { requestId: first } : {});
    }
    const before = tableCounts(api);
    const { status, body } = await call(api, voter, 'opinions', 'submit', draft());
    expect(status).toBe(429);
    expect(body.error).toEqual({ code: 'RATE_LIMITED', message: '每天最多提交10条意见，请明天再提交' });
    expect(tableCounts(api)).toEqual(before);
    expect((await ok(api, voter, 'opinions', 'mine', { limit: 50 })).items).toHaveLength(10);

    // A retry of an opinion already made is not a new submission: it still answers.
    const retry = await call(api, voter, 'opinions', 'submit', draft({ requestId: first }));
    expect(retry.body.data.status).toBe('assigned');
    expect(tableCounts(api)).toEqual(before);
  });

  test('the limit is per day in Asia/Shanghai: refused until midnight, accepted just after', async () => {
    const midnight = Date.UTC(2026, 2, 1, 16, 0); // 2026-03-02 00:00 in Shanghai
    t = midnight - 1;
    expect((await call(api, voter, 'opinions', 'submit', draft())).body.error?.code).toBe('RATE_LIMITED');
    t = midnight;
    expect((await call(api, voter, 'opinions', 'submit', draft())).body.ok).toBe(true);
  });

  test('the limit is per caller: another voter is not affected', async () => {
    expect((await call(api, 'voter-calm', 'opinions', 'submit', draft())).body.ok).toBe(true);
  });
});

describe('the content check', () => {
  test('risky text is refused with CONTENT_REJECTED and nothing is written', async () => {
    const before = tableCounts(api);
    const { status, body } = await call(
      api,
      'voter-spam',
      'opinions',
      'submit',
      draft({ category: 'other', content: '推荐一个赌博网站，稳赚不赔，加微信了解。' }),
    );
    expect(status).toBe(422);
    expect(body.error).toEqual({ code: 'CONTENT_REJECTED', message: '意见内容含有不适宜发布的信息，请修改后再提交' });
    expect(tableCounts(api)).toEqual(before);
    expect((await ok(api, 'voter-spam', 'opinions', 'mine')).items).toEqual([]);
  });

  describe('text that needs a human look is held for staff', () => {
    let opinionId: string;

    test('it is held, routed to nobody, and the voter is told it is under review', async () => {
      const data = await submit(api, 'voter-angry', {
        category: 'housing',
        content: '楼上邻居天天半夜装修，吵得人想去死，物业也不管，希望代表帮忙协调。',
      });
      opinionId = data.opinionId;
      expect(data).toEqual({ opinionId, status: 'held', assignedDeputyId: null, replyDueAt: null });
      const asVoter = await view(api, 'voter-angry', opinionId);
      expect(asVoter).toMatchObject({ status: 'held', statusLabel: '审核中' });
      expect(asVoter.timeline.map((l: any) => l.text)).toContain('内容正在审核，审核通过后将交代表办理');
      expect(await api.store.listOutbox(100)).not.toContainEqual(expect.objectContaining({ subjectId: opinionId }));
    });

    test('it is in the staff queue under 审核 (held), and no deputy has it', async () => {
      expect(await inboxIds(STAFF, 'held')).toEqual([opinionId]);
      expect(await inboxIds(DEPUTY, 'all')).not.toContain(opinionId);
      expect((await call(api, DEPUTY, 'opinions', 'get', { opinionId })).body.error.code).toBe('NOT_FOUND');
    });

    test('staff release it and it is routed like a new opinion', async () => {
      t = FIXED_NOW + 2 * HOUR;
      const released = await ok(api, STAFF, 'casework', 'release', { opinionId });
      expect(released).toMatchObject({
        status: 'assigned',
        assignedDeputy: { id: 'd01', name: '陈建国' },
        replyDueDate: '2026-03-13',
      });
      expect(released.timeline).toContainEqual({
        at: t,
        actorName: STAFF_NAME,
        kind: 'released',
        text: '内容审核通过',
        internal: false,
      });
      expect(await inboxIds(STAFF, 'held')).toEqual([]);
      expect(await inboxIds(DEPUTY, 'new')).toContain(opinionId);
    });
  });
});

describe('submitting to a station that does not exist', () => {
  test('is NOT_FOUND and writes nothing', async () => {
    const before = tableCounts(api);
    const { status, body } = await call(api, 'voter-lost', 'opinions', 'submit', draft({ stationId: 'qx-nowhere' }));
    expect(status).toBe(404);
    expect(body.error).toEqual({ code: 'NOT_FOUND', message: '没有找到这个联络站' });
    expect(tableCounts(api)).toEqual(before);
  });
});

describe('bad input', () => {
  test.each`
    case                           | fields                                                                    | message
    ${'a contact without consent'} | ${{ contact: { name: '王阿姨', phone: '13812345678' } }}                  | ${'留下联系方式前，请先阅读并同意个人信息说明'}
    ${'a bad phone number'}        | ${{ contact: { name: '王阿姨', phone: '1381234' }, consent: true }}       | ${'请填写正确的手机号或固定电话'}
    ${'ten photos'}                | ${{ images: Array.from({ length: 10 }, (_, i) => `cloud://p/${i}.jpg`) }} | ${'最多上传9张图片'}
    ${'too short a text'}          | ${{ content: '太吵了' }}                                                  | ${'意见内容至少5个字'}
  `('$case is INVALID_INPUT ($message) and writes nothing', async ({ fields, message }) => {
    const before = tableCounts(api);
    const { status, body } = await call(api, 'voter-careless', 'opinions', 'submit', draft(fields));
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: 'INVALID_INPUT', message });
    expect(tableCounts(api)).toEqual(before);
  });
});

describe('photos go with an opinion only from its submitter’s own folder', () => {
  const own = (openid: string, name: string) => `cloud://env.bucket/${nodeIds.photoFolder(openid)}/${name}.jpg`;

  test('the voter’s own upload is taken', async () => {
    const data = await submit(api, 'voter-photos', { images: [own('voter-photos', 'lane-1')] });
    expect((await view(api, 'voter-photos', data.opinionId)).images).toEqual([own('voter-photos', 'lane-1')]);
  });

  test.each`
    case                                 | fileId
    ${'another voter’s photo'}           | ${own('voter-photos', 'lane-1')}
    ${'a generated report'}              | ${'cloud://env.bucket/reports/9f3a1c/opinions-2026-01-01-2026-12-31.xlsx'}
    ${'a file in the old shared folder'} | ${'cloud://env.bucket/opinions/lane-1.jpg'}
  `('$case is INVALID_INPUT and writes nothing', async ({ fileId }) => {
    const before = tableCounts(api);
    const { status, body } = await call(api, 'voter-borrower', 'opinions', 'submit', draft({ images: [fileId] }));
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: 'INVALID_INPUT', message: '只能附上您本人刚上传的照片，请重新选择照片' });
    expect(tableCounts(api)).toEqual(before);
  });
});

describe('a station without an active deputy', () => {
  test('puts the opinion in the staff queue, unrouted, with the reason for staff', async () => {
    // 西周村接待点 has one deputy, 胡桂兰 (d12); she steps down.
    const 胡桂兰 = DEMO_DEPUTIES.find((d) => d.id === 'd12')!;
    await api.store.putDeputy(
      { ...胡桂兰, active: false },
      { at: FIXED_NOW, actor: 'demo-admin', action: 'test.deputy', targetType: 'deputy', targetId: 'd12' },
    );
    const data = await submit(api, 'voter-xizhou', {
      stationId: 'qx-xizhou',
      category: 'rural',
      content: '西周村村道路灯坏了大半年，晚上出行不安全，希望尽快修复。',
    });
    expect(data).toEqual({ opinionId: data.opinionId, status: 'submitted', assignedDeputyId: null, replyDueAt: null });
    const asAdmin = await view(api, 'demo-admin', data.opinionId);
    expect(asAdmin.routingReason).toBe('本站暂无可分派的代表，转工作人员处理');
    expect(asAdmin.timeline.map((l: any) => l.text)).toContain('已转联络站工作人员分派');
    expect(await inboxIds('demo-admin', 'unrouted')).toContain(data.opinionId);
    expect((await view(api, 'voter-xizhou', data.opinionId)).statusLabel).toBe('已提交');
  });
});

describe('text a voter writes after submitting', () => {
  // The rating comment and the withdrawal reason are voter-written and shown to the deputy and
  // staff on the timeline: they go through the same content check as the opinion text.
  test('a rating comment with risky words is refused like an opinion text', async () => {
    const opinionId = await opinionIn(api, 'resolved', 'voter-comment');
    const { body } = await call(api, 'voter-comment', 'opinions', 'rate', {
      opinionId,
      satisfaction: 'dissatisfied',
      comment: '还不如去赌博网站碰碰运气',
    });
    expect(body.error?.code).toBe('CONTENT_REJECTED');
    expect(JSON.stringify(await view(api, DEPUTY, opinionId))).not.toContain('赌博网站');
  });
});
