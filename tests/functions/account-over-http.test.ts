import { FIXED_NOW, startLocalApi } from '../support/local-api';

const DAY = 24 * 60 * 60 * 1000;

let api: Awaited<ReturnType<typeof startLocalApi>>;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

describe('account.me tells each caller the role the platform identity holds', () => {
  test.each`
    openid           | role        | roleLabel
    ${'demo-voter'}  | ${'voter'}  | ${'选民'}
    ${'demo-deputy'} | ${'deputy'} | ${'人大代表'}
    ${'demo-staff'}  | ${'staff'}  | ${'联络站工作人员'}
    ${'demo-admin'}  | ${'admin'}  | ${'人大工委'}
  `('$openid is $roleLabel', async ({ openid, role, roleLabel }) => {
    const { body } = await api.post('account', { action: 'me' }, openid);
    expect(body.data).toMatchObject({ role, roleLabel });
  });

  test('the deputy sees their deputy record and station', async () => {
    const { body } = await api.post('account', { action: 'me' }, 'demo-deputy');
    expect(body.data.deputy).toEqual({ id: 'd01', name: '陈建国' });
    expect(body.data.station).toEqual({ id: 'qx-jiedao', name: '青溪街道人大代表联络站' });
  });

  test('without a platform identity the caller is UNAUTHENTICATED', async () => {
    const { status, body } = await api.post('account', { action: 'me' });
    expect(status).toBe(401);
    expect(body.error.code).toBe('UNAUTHENTICATED');
  });

  test('an openid in the payload is ignored: the caller stays who the platform says', async () => {
    const { body } = await api.post(
      'account',
      { action: 'me', openid: 'demo-staff', _openid: 'demo-admin', userInfo: { openId: 'demo-admin' } },
      'demo-voter',
    );
    expect(body.data.role).toBe('voter');
  });
});

describe('account.redeemInvite', () => {
  test('a malformed code is refused before anything is looked up', async () => {
    const { body } = await api.post('account', { action: 'redeemInvite', code: 'ABC' }, 'voter-a');
    expect(body.error).toEqual({ code: 'INVALID_INPUT', message: '邀请码是8位字母和数字' });
  });

  test('an unknown code is NOT_FOUND', async () => {
    const { body } = await api.post('account', { action: 'redeemInvite', code: 'ZZZZ2222' }, 'voter-a');
    expect(body.error.code).toBe('NOT_FOUND');
  });

  test('a code makes its redeemer a deputy once; the audit trail records who and when', async () => {
    const first = await api.post('account', { action: 'redeemInvite', code: 'dbqx-2345' }, 'new-deputy');
    expect(first.body.data).toMatchObject({ role: 'deputy', deputy: { id: 'd02', name: '王秀英' } });
    const again = await api.post('account', { action: 'redeemInvite', code: 'DBQX2345' }, 'someone-else');
    expect(again.body.error).toEqual({ code: 'CONFLICT', message: '这个邀请码已被使用' });
    const audit = await api.store.listAudit('invite', 'DBQX2345');
    expect(audit.filter((a) => a.action === 'account.redeemInvite')).toEqual([
      expect.objectContaining({ actor: 'new-deputy', targetId: 'DBQX2345' }),
    ]);
  });

  test('two callers racing for one code: exactly one wins', async () => {
    const results = await Promise.all(
      ['racer-1', 'racer-2', 'racer-3'].map((openid) =>
        api.post('account', { action: 'redeemInvite', code: 'GZQX6789' }, openid),
      ),
    );
    expect(results.filter((r) => r.body.ok)).toHaveLength(1);
    expect(results.filter((r) => r.body.error?.code === 'CONFLICT')).toHaveLength(2);
  });

  const issue = (code: string, expiresAt: number) =>
    api.store.putInvite(
      { code, role: 'deputy', stationId: 'qx-jiedao', expiresAt, issuedBy: 'demo-admin' },
      { at: FIXED_NOW, actor: 'demo-admin', action: 'test.invite', targetType: 'invite', targetId: code },
    );

  test('staff keep their role: a second code is refused and the code stays unused', async () => {
    await issue('KKKK3333', FIXED_NOW + DAY);
    const { body } = await api.post('account', { action: 'redeemInvite', code: 'KKKK3333' }, 'demo-staff');
    expect(body.error).toEqual({ code: 'CONFLICT', message: '您已有其他身份，如需变更请联系人大工委' });
    expect((await api.store.getInvite('KKKK3333'))?.usedBy).toBeUndefined();
  });

  test('an expired code is refused', async () => {
    await issue('EEEE3333', FIXED_NOW - 1);
    const { body } = await api.post('account', { action: 'redeemInvite', code: 'EEEE3333' }, 'voter-b');
    expect(body.error).toEqual({ code: 'CONFLICT', message: '这个邀请码已失效，请联系工作人员重新发放' });
  });
});

describe('guessing invite codes', () => {
  test('a caller gets ten tries a day, then RATE_LIMITED, (codes typed wrong or not)', async () => {
    const tries = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        api.post('account', { action: 'redeemInvite', code: `ZZZZZZA${'ABCDEFGHJKMN'[i]}` }, 'voter-guessing'),
      ),
    );
    expect(tries.filter((t) => t.body.error?.code === 'NOT_FOUND')).toHaveLength(10);
    const limited = tries.filter((t) => t.body.error?.code === 'RATE_LIMITED');
    expect(limited).toHaveLength(2);
    expect(limited[0]?.status).toBe(429);
    expect(limited[0]?.body.error.message).toBe('今天尝试次数过多，请明天再试或联系工作人员');
  });
});
