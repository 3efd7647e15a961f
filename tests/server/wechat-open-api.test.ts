import { createSubscribeNotifier } from '../../server/adapters/wechat/subscribe-notifier';
import { wechatContentCheck as contentCheck } from '../../server/adapters/wechat/content-check';
import type { OutboxMessage } from '../../server/ports/opinion-store';
import { NOTIFICATION_KINDS } from '../../src/domain/notifications';
import { fakeWechat, type WechatAnswer, type WechatRequest } from '../support/fake-wechat';

// The production adapters on wx-server-sdk's real cloud.openapi; only WeChat's answer is made up.
let answer: (request: WechatRequest) => WechatAnswer = () => ({});
const wechat = fakeWechat((request) => answer(request));
afterAll(() => wechat.restore());
beforeEach(() => {
  wechat.requests.length = 0;
});

const check = contentCheck(wechat.openapi, async (fileId: string) => `https://tmp.example/${fileId}`);

describe('text check: security.msgSecCheck v2 through 云调用', () => {
  test('WeChat receives the documented API name and snake_case fields', async () => {
    answer = () => ({ result: { suggest: 'pass', label: 100 } });
    expect(await check.checkText('小区门口路灯坏了', 'o-voter')).toBe('pass');
    expect(wechat.requests).toEqual([
      { api: 'security.msgSecCheck', body: { content: '小区门口路灯坏了', version: 2, scene: 2, openid: 'o-voter' } },
    ]);
  });
  test.each([
    ['risky', { result: { suggest: 'risky', label: 20001 } }, 'risky'],
    ['review', { result: { suggest: 'review', label: 21000 } }, 'review'],
    ['an error code', { errcode: 45009, errmsg: 'reach max api daily quota limit' }, 'review'],
    ['no answer', 'timeout', 'review'],
    ['an answer without a result', {}, 'review'],
  ] as const)('WeChat answers %s → %s', async (_what, reply, verdict) => {
    answer = () => reply as WechatAnswer;
    expect(await check.checkText('内容', 'o-voter')).toBe(verdict);
  });
});

describe('photo check: security.mediaCheckAsync v2', () => {
  test('the photo goes by its temporary URL and its trace id comes back camelCased', async () => {
    answer = () => ({ trace_id: '6551-abc' });
    expect(await check.checkImage('cloud://env/photo.jpg', 'o-voter')).toEqual({
      verdict: 'pending',
      traceId: '6551-abc',
    });
    expect(wechat.requests[0]).toEqual({
      api: 'security.mediaCheckAsync',
      body: {
        media_url: 'https://tmp.example/cloud://env/photo.jpg',
        media_type: 2,
        version: 2,
        scene: 2,
        openid: 'o-voter',
      },
    });
  });
  test('a refused check leaves the photo hidden (pending), never shown', async () => {
    answer = () => ({ errcode: -1, errmsg: 'system error' });
    expect(await check.checkImage('cloud://env/photo.jpg', 'o-voter')).toEqual({ verdict: 'pending' });
  });
});

describe('subscribeMessage.send', () => {
  const notifier = createSubscribeNotifier(wechat.openapi, {
    opinion_reply: { id: 'TPL-REPLY' },
    casework_todo: { id: 'TPL-TODO', keys: ['thing1', 'thing4', 'time2'] },
  });
  const message = (kind: keyof typeof NOTIFICATION_KINDS, subjectId = 'op1'): OutboxMessage => ({
    id: 1,
    kind,
    recipientOpenid: 'o-voter',
    subjectId,
    payload: { ...NOTIFICATION_KINDS[kind].sample },
    createdAt: Date.UTC(2026, 11, 1, 7, 1),
    status: 'pending',
    attempts: 0,
    nextAttemptAt: 0,
  });

  test('the data is keyed by the template’s keywords, each value within its rule, and the card opens the opinion', async () => {
    answer = () => ({});
    expect(await notifier.send(message('reply_to_voter'))).toEqual({ ok: true });
    expect(wechat.requests).toEqual([
      {
        api: 'subscribeMessage.send',
        body: {
          touser: 'o-voter',
          template_id: 'TPL-REPLY',
          page: 'pages/opinion/index?id=op1',
          data: {
            thing1: { value: '青溪路与滨河路口早高峰拥堵严重，学生过…' },
            thing2: { value: '已联系交警大队现场查看，计划下月在路口…' },
            time3: { value: '2026年12月1日 15:01' },
          },
          miniprogram_state: 'formal',
          lang: 'zh_CN',
        },
      },
    ]);
  });

  test('keys the operator configured replace the defaults', async () => {
    answer = () => ({});
    await notifier.send(message('assigned_to_deputy'));
    expect(Object.keys(wechat.requests[0]!.body.data as object)).toEqual(['thing1', 'thing4', 'time2']);
    expect(wechat.requests[0]!.body.page).toBe('casework/case/index?id=op1');
  });

  test.each([
    [43101, false],
    [47003, false],
    [40037, false],
    [41030, false],
    [40003, false],
    [-1, true],
    [45009, true],
  ])('WeChat answers %i → tried again: %s', async (errcode, retry) => {
    answer = () => ({ errcode, errmsg: 'x' });
    const result = await notifier.send(message('reply_to_voter'));
    expect(result).toMatchObject({ ok: false, retry });
    expect((result as { error: string }).error).toContain(String(errcode));
  });

  test('a kind whose template is not configured is given up without calling WeChat', async () => {
    expect(await notifier.send(message('session_reminder', 'station:qx-jiedao'))).toEqual({
      ok: false,
      retry: false,
      error: '未配置订阅消息模板 session_reminder',
    });
    expect(wechat.requests).toHaveLength(0);
  });

  test('no answer at all is tried again', async () => {
    answer = () => 'timeout';
    expect(await notifier.send(message('reply_to_voter'))).toMatchObject({ ok: false, retry: true });
  });
});
