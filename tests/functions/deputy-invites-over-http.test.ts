import { FIXED_NOW, startLocalApi } from '../support/local-api';
import { ADMIN, call, type LocalApi, ok, STAFF } from '../support/opinion-calls';

// A deputy has one live invite at a time: issuing a new one revokes the old, which then answers
// as a lapsed code does. And a deputy record is linked to one account at most: a redemption that
// would link a second one is CONFLICT with a Chinese message, never an internal error.

const LAPSED = { code: 'CONFLICT', message: '这个邀请码已失效，请联系工作人员重新发放' };
const LINKED = { code: 'CONFLICT', message: '这位代表已绑定其他微信账号，如需更换请联系人大工委' };

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

const issue = async (by: string, deputyId: string) =>
  (await ok(api, by, 'casework', 'issueInvite', { role: 'deputy', deputyId })).code as string;
const redeem = (openid: string, code: string) => call(api, openid, 'account', 'redeemInvite', { code });
const answer = ({ status, body }: { status: number; body: Record<string, any> }) => ({ status, body });

/** Accounts linked to a deputy record, read from the table itself. */
const linkedTo = (deputyId: string) =>
  api.store.db.prepare('SELECT openid FROM accounts WHERE deputy_id = ? ORDER BY openid').all(deputyId);

/** An invite as one issued before a deputy had one live invite at a time: still outstanding beside a newer one. */
function outstandingOlderInvite(code: string, deputyId: string, stationId: string) {
  api.store.db
    .prepare(
      `INSERT INTO invites (code, role, station_id, deputy_id, display_name, expires_at, issued_by)
       VALUES (?, 'deputy', ?, ?, NULL, ?, 'demo-admin')`,
    )
    .run(code, stationId, deputyId, FIXED_NOW + 24 * 60 * 60 * 1000);
}

describe('one live invite per deputy', () => {
  test('a new invite revokes the earlier one, whose code then answers as an expired code does', async () => {
    const first = await issue(STAFF, 'd03');
    const second = await issue(STAFF, 'd03');
    await api.store.putInvite(
      { code: 'XPRD3456', role: 'staff', stationId: 'qx-jiedao', expiresAt: FIXED_NOW - 1, issuedBy: ADMIN },
      { at: FIXED_NOW, actor: ADMIN, action: 'test.invite', targetType: 'invite', targetId: 'XPRD3456' },
    );

    const revoked = answer(await redeem('voter-old-code', first));
    const expired = answer(await redeem('voter-expired-code', 'XPRD3456'));
    expect(revoked).toEqual({ status: 409, body: { ok: false, error: LAPSED } });
    expect(expired).toEqual(revoked);
    expect((await api.store.getInvite(first))?.usedBy).toBeUndefined();
    expect((await ok(api, 'voter-old-code', 'account', 'me')).role).toBe('voter');

    expect(await ok(api, 'voter-new-code', 'account', 'redeemInvite', { code: second })).toMatchObject({
      role: 'deputy',
      deputy: { id: 'd03', name: '李志强' },
    });
  });

  test('the revocation leaves an audit line on the old code', async () => {
    const first = await issue(ADMIN, 'd09');
    const second = await issue(ADMIN, 'd09');
    expect(await api.store.listAudit('invite', first)).toContainEqual(
      expect.objectContaining({ actor: ADMIN, action: 'invite.revoke', detail: { replacedBy: second } }),
    );
  });

  test('it leaves other deputies’ invites and staff invites alone', async () => {
    const otherDeputys = await issue(ADMIN, 'd11');
    await issue(ADMIN, 'd10');
    await issue(ADMIN, 'd10');
    for (const code of [otherDeputys, 'DBQX2345', 'GZQX6789']) {
      expect((await api.store.getInvite(code))?.revokedAt).toBeUndefined();
    }
  });
});

describe('one account per deputy', () => {
  test('two invites issued to one deputy: one redemption links the deputy, the other is CONFLICT, not INTERNAL', async () => {
    const first = await issue(ADMIN, 'd05');
    const second = await issue(ADMIN, 'd05');
    const results = [answer(await redeem('voter-p1', first)), answer(await redeem('voter-p2', second))];
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(linkedTo('d05')).toHaveLength(1);
  });

  test('a code still outstanding for a deputy who has an account is CONFLICT and writes nothing', async () => {
    await ok(api, 'voter-d06', 'account', 'redeemInvite', { code: await issue(ADMIN, 'd06') });
    outstandingOlderInvite('PRVD6789', 'd06', 'qx-laixun');

    expect(answer(await redeem('voter-second-d06', 'PRVD6789'))).toEqual({
      status: 409,
      body: { ok: false, error: LINKED },
    });
    expect(linkedTo('d06')).toEqual([{ openid: 'voter-d06' }]);
    expect(await api.store.getAccount('voter-second-d06')).toBeNull();
    expect((await api.store.getInvite('PRVD6789'))?.usedBy).toBeUndefined();
    expect((await api.store.listAudit('invite', 'PRVD6789')).map((a) => a.action)).not.toContain(
      'account.redeemInvite',
    );
  });

  test('two outstanding codes of one deputy redeemed at once: one wins, the other is CONFLICT', async () => {
    outstandingOlderInvite('PRVD7234', 'd07', 'qx-laixun');
    outstandingOlderInvite('PRVD7567', 'd07', 'qx-laixun');
    const results = await Promise.all([redeem('voter-race-1', 'PRVD7234'), redeem('voter-race-2', 'PRVD7567')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.error).toEqual(LINKED);
    expect(linkedTo('d07')).toHaveLength(1);
  });
});
