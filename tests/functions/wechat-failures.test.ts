import { wechatContentCheck as contentCheck } from '../../server/adapters/wechat/content-check';
import { getRuntime, setRuntime } from '../../server/runtime/runtime';
import { fakeWechat, type WechatAnswer } from '../support/fake-wechat';
import { startLocalApi } from '../support/local-api';
import { call, ok, STAFF, submit, TRAFFIC, view } from '../support/opinion-calls';

// WeChat's servers are the one edge that cannot run here: wx-server-sdk's real cloud.openapi,
// with WeChat answering by timing out, with garbage, or with an error code, in front of the
// real content-check adapter. Whatever WeChat does, an opinion is neither lost nor shown to a
// deputy unchecked.
let reply: WechatAnswer = 'timeout';
const wechat = fakeWechat(() => reply);
afterAll(() => wechat.restore());
const failing = (how: 'timeout' | 'garbage' | 'error-code') => {
  reply =
    how === 'timeout'
      ? 'timeout'
      : how === 'garbage'
        ? { result: '<html>502 Bad Gateway</html>' }
        : { errcode: 45009, errmsg: 'reach max api daily quota limit' };
  return contentCheck(wechat.openapi, async () => {
    throw new Error('ETIMEDOUT');
  });
};

let api: Awaited<ReturnType<typeof startLocalApi>>;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

describe.each(['timeout', 'garbage', 'error-code'] as const)('the text check fails (%s)', (how) => {
  test('the opinion is kept, held for staff, routed to nobody, and the voter sees it is under review', async () => {
    setRuntime({ ...(await getRuntime()), contentCheck: failing(how) });
    const voter = `voter-wechat-${how}`;
    const data = await submit(api, voter);
    expect(data).toMatchObject({ status: 'held', assignedDeputyId: null });
    const mine = await view(api, voter, data.opinionId as string);
    expect(mine).toMatchObject({ status: 'held', content: TRAFFIC });
    expect((await call(api, 'demo-deputy', 'opinions', 'get', { opinionId: data.opinionId })).body.error.code).toBe(
      'NOT_FOUND',
    );
    const held = await ok(api, STAFF, 'casework', 'inbox', { filter: 'held' });
    expect(held.items.map((o: { id: string }) => o.id)).toContain(data.opinionId);
  });
});

test('a photo whose check cannot be started stays hidden from all but its voter', async () => {
  const check = failing('timeout');
  expect(await check.checkImage('cloud://env/photo.jpg', 'voter')).toEqual({ verdict: 'pending' });
});
