import type tcb from '@cloudbase/node-sdk';
import { createMsgSecCheck } from '../../server/adapters/wechat/msg-sec-check';
import { getRuntime, setRuntime } from '../../server/runtime/runtime';
import { startLocalApi } from '../support/local-api';
import { call, ok, STAFF, submit, TRAFFIC, view } from '../support/opinion-calls';

// WeChat's servers are the one edge that cannot run here: a stand-in for CloudBase's open-API
// gateway that times out or answers garbage, in front of the real msgSecCheck adapter. Whatever
// WeChat does, an opinion is neither lost nor shown to a deputy unchecked.
type App = ReturnType<typeof tcb.init>;
const failingGateway = (how: 'timeout' | 'garbage' | 'error-code') =>
  ({
    callWxOpenApi: async () => {
      if (how === 'timeout') throw new Error('ESOCKETTIMEDOUT api.weixin.qq.com');
      if (how === 'garbage') return { result: '<html>502 Bad Gateway</html>' };
      return { result: JSON.stringify({ errcode: 45009, errmsg: 'reach max api daily quota limit' }) };
    },
    getTempFileURL: async () => {
      throw new Error('ETIMEDOUT');
    },
  }) as unknown as App;

let api: Awaited<ReturnType<typeof startLocalApi>>;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

describe.each(['timeout', 'garbage', 'error-code'] as const)('the text check fails (%s)', (how) => {
  test('the opinion is kept, held for staff, routed to nobody, and the voter sees it is under review', async () => {
    setRuntime({ ...(await getRuntime()), contentCheck: createMsgSecCheck(failingGateway(how)) });
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
  const check = createMsgSecCheck(failingGateway('timeout'));
  expect(await check.checkImage('cloud://env/photo.jpg', 'voter')).toEqual({ verdict: 'pending' });
});
