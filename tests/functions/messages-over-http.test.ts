import { getRuntime, setRuntime } from '../../server/runtime/runtime';
import { startLocalApi } from '../support/local-api';
import { withVoterTemplates } from '../support/test-runtime';
import { call, DEPUTY, ok, reply, submit, tableCounts } from '../support/opinion-calls';

// Every notification the product writes is also a line in its recipient's 消息 list, so that
// nothing depends on WeChat delivering it; nobody sees another person's messages.

let api: Awaited<ReturnType<typeof startLocalApi>>;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

describe('the 消息 list', () => {
  test('a deputy finds the new opinion, and its voter finds the reply, each with the page it opens', async () => {
    const voter = 'voter-messages-1';
    const { opinionId } = await submit(api, voter);
    const deputyMessages = await ok(api, DEPUTY, 'account', 'messages');
    expect(deputyMessages.items[0]).toMatchObject({
      title: '新的群众意见待您答复',
      url: `/casework/case/index?id=${opinionId}`,
      read: false,
    });
    expect(deputyMessages.items[0].text).toMatch(/^交通出行：环城西路与文昌路交叉口.*，请于.+前答复$/);

    await reply(api, opinionId);
    const mine = await ok(api, voter, 'account', 'messages');
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      title: '代表答复了您的意见',
      url: `/pages/opinion/index?id=${opinionId}`,
      read: false,
    });
    expect(mine.unread).toBe(1);
    expect((await ok(api, voter, 'account', 'me')).unreadMessages).toBe(1);
  });

  test('reading the list up to its newest line clears the unread count, and a later message is unread again', async () => {
    const voter = 'voter-messages-2';
    const first = await submit(api, voter);
    await reply(api, first.opinionId);
    const list = await ok(api, voter, 'account', 'messages');
    expect(await ok(api, voter, 'account', 'readMessages', { upTo: list.items[0].at })).toEqual({ unread: 0 });
    expect((await ok(api, voter, 'account', 'messages')).items[0].read).toBe(true);
    const runtime = await getRuntime();
    const later = { ...runtime, clock: { now: () => runtime.clock.now() + 60_000 } };
    setRuntime(later);
    try {
      const second = await submit(api, voter, { content: '青溪中心小学门口的路灯坏了一个多月，晚上接孩子很黑。' });
      await reply(api, second.opinionId);
      expect((await ok(api, voter, 'account', 'me')).unreadMessages).toBe(1);
    } finally {
      setRuntime(runtime);
    }
  });

  test('nobody reads another person’s messages: the list is always the caller’s own', async () => {
    const voter = 'voter-messages-3';
    const { opinionId } = await submit(api, voter);
    await reply(api, opinionId);
    const stranger = await ok(api, 'voter-messages-stranger', 'account', 'messages', { openid: voter });
    expect(stranger.items).toEqual([]);
  });

  test('a caller without an OPENID has no messages', async () => {
    expect((await call(api, undefined, 'account', 'messages')).body.error.code).toBe('UNAUTHENTICATED');
  });

  test('a malformed read mark is refused and nothing is written', async () => {
    const before = tableCounts(api);
    const { body } = await call(api, 'voter-messages-4', 'account', 'readMessages', { upTo: -1 });
    expect(body.error).toMatchObject({ code: 'INVALID_INPUT', message: '已读时间格式不正确' });
    expect(tableCounts(api)).toEqual(before);
  });
});

describe('accepting WeChat subscriptions', () => {
  test('locally no template is configured: nothing to ask, and any template id is refused with nothing written', async () => {
    expect((await ok(api, 'voter-sub-1', 'account', 'me')).subscribe).toEqual({});
    const before = tableCounts(api);
    const { body } = await call(api, 'voter-sub-1', 'account', 'acceptSubscriptions', { templateIds: ['TPL-X'] });
    expect(body.error).toMatchObject({ code: 'INVALID_INPUT', message: '不是本程序的消息模板' });
    expect(tableCounts(api)).toEqual(before);
  });

  test('with templates configured, the app is told which to ask for at each tap, and each acceptance is one credit', async () => {
    const runtime = await withVoterTemplates();
    try {
      // The outcome template also carries deputies' and the committee's 代表建议 notices.
      expect((await ok(api, 'voter-sub-2', 'account', 'me')).subscribe).toEqual({
        submit: ['TPL-REPLY', 'TPL-OUTCOME'],
        casework: ['TPL-OUTCOME'],
        oversight: ['TPL-OUTCOME'],
      });
      await ok(api, 'voter-sub-2', 'account', 'acceptSubscriptions', { templateIds: ['TPL-REPLY'] });
      const data = await ok(api, 'voter-sub-2', 'account', 'acceptSubscriptions', {
        templateIds: ['TPL-REPLY', 'TPL-OUTCOME'],
      });
      expect(data.subscriptions).toEqual({ 'TPL-REPLY': 2, 'TPL-OUTCOME': 1 });
      const audit = await api.store.listAudit('account', 'voter-sub-2');
      expect(audit.map((a) => a.action)).toEqual(['account.acceptSubscriptions', 'account.acceptSubscriptions']);
      const four = await call(api, 'voter-sub-2', 'account', 'acceptSubscriptions', {
        templateIds: ['TPL-REPLY', 'TPL-OUTCOME', 'TPL-REPLY', 'TPL-OUTCOME'],
      });
      expect(four.body.error).toMatchObject({ code: 'INVALID_INPUT', message: '一次最多3个消息模板' });
    } finally {
      setRuntime(runtime);
    }
  });
});
