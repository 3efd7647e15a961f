import { redeemInvite } from '../../server/services/account';
import { issueInvite } from '../../server/services/invites';
import { INVITE_LAPSED } from '../../src/domain/invites';
import { aStreet, DAY, DEPUTIES, EAST, PEOPLE, refusal, type Street, WEST } from '../support/builders';

// Invites (docs/DESIGN.md, Who uses it; Security rules): staff invite the deputies of their
// station, the committee invites staff; a code is used once within 30 days, a newer invite of a
// deputy replaces the older one, and issuing and redeeming each leave an audit line.

let street: Street;
beforeEach(async () => {
  street = await aStreet();
});
afterEach(() => street.store.close());

const as = (who: string) => street.as(who);
const inviteDeputy = async (who: string, deputyId: string) => issueInvite({ role: 'deputy', deputyId }, await as(who));
const redeem = async (who: string, code: string) => redeemInvite({ code }, await as(who));
const auditOf = async (code: string) => (await street.store.listAudit('invite', code)).map((a) => [a.action, a.actor]);

describe('issuing', () => {
  test('staff invite a deputy of their station not yet linked: a code valid 30 days, audited', async () => {
    const invite = await inviteDeputy(PEOPLE.staff, DEPUTIES.zhao.id);
    expect(invite).toEqual({
      code: expect.stringMatching(/^[2-9A-HJKMNP-Z]{8}$/),
      role: 'deputy',
      stationId: EAST.id,
      expiresAt: street.now + 30 * DAY,
      displayName: '赵海燕',
    });
    expect(await auditOf(invite.code)).toEqual([['casework.issueInvite', PEOPLE.staff]]);
  });

  test('not a deputy on leave, not another station’s, not one already linked to an account', async () => {
    expect(await refusal(inviteDeputy(PEOPLE.staff, DEPUTIES.wang.id))).toEqual({
      code: 'INVALID_INPUT',
      message: '请选择本站在任的代表',
    });
    expect(await refusal(inviteDeputy(PEOPLE.staff, DEPUTIES.west.id))).toEqual({
      code: 'FORBIDDEN',
      message: '只能邀请本站的代表',
    });
    expect(await refusal(inviteDeputy(PEOPLE.staff, DEPUTIES.chen.id))).toEqual({
      code: 'CONFLICT',
      message: '陈建国已经绑定了微信账号',
    });
  });

  test('staff invites come from the committee only; voters and deputies issue none', async () => {
    expect(await refusal(issueInvite({ role: 'staff', stationId: EAST.id }, await as(PEOPLE.staff)))).toEqual({
      code: 'FORBIDDEN',
      message: '工作人员邀请码由人大工委发放',
    });
    for (const who of [PEOPLE.voter, PEOPLE.chen]) {
      expect((await refusal(inviteDeputy(who, DEPUTIES.zhao.id))).code).toBe('FORBIDDEN');
    }
    const invite = await issueInvite({ role: 'staff', stationId: WEST.id }, await as(PEOPLE.admin));
    expect(invite).toMatchObject({ role: 'staff', stationId: WEST.id });
  });

  test('a newer invite of a deputy replaces the older one, which lapses', async () => {
    const older = await inviteDeputy(PEOPLE.staff, DEPUTIES.zhao.id);
    const newer = await inviteDeputy(PEOPLE.admin, DEPUTIES.zhao.id);
    expect(await refusal(redeem(PEOPLE.voter, older.code))).toEqual({ code: 'CONFLICT', message: INVITE_LAPSED });
    expect((await redeem(PEOPLE.voter, newer.code)).role).toBe('deputy');
  });
});

describe('redeeming', () => {
  test('a voter becomes the invited deputy, linked to the deputy record, and the redemption is audited', async () => {
    const { code } = await inviteDeputy(PEOPLE.staff, DEPUTIES.zhao.id);
    const me = await redeem(PEOPLE.voter, code);
    expect(me).toMatchObject({ role: 'deputy', deputy: { id: DEPUTIES.zhao.id, name: '赵海燕' } });
    expect(await street.store.getAccountByDeputy(DEPUTIES.zhao.id)).toMatchObject({ openid: PEOPLE.voter });
    expect(await auditOf(code)).toEqual([
      ['casework.issueInvite', PEOPLE.staff],
      ['account.redeemInvite', PEOPLE.voter],
    ]);
  });

  test('a code is used once: the same caller and anyone else are told so', async () => {
    const { code } = await inviteDeputy(PEOPLE.staff, DEPUTIES.zhao.id);
    await redeem(PEOPLE.voter, code);
    expect(await refusal(redeem(PEOPLE.voter, code))).toEqual({ code: 'CONFLICT', message: '您已使用过这个邀请码' });
    expect(await refusal(redeem(PEOPLE.otherVoter, code))).toEqual({ code: 'CONFLICT', message: '这个邀请码已被使用' });
  });

  test('a code past its 30 days has lapsed; an unknown code is NOT_FOUND', async () => {
    const { code } = await inviteDeputy(PEOPLE.staff, DEPUTIES.zhao.id);
    street.now += 30 * DAY;
    expect(await refusal(redeem(PEOPLE.voter, code))).toEqual({ code: 'CONFLICT', message: INVITE_LAPSED });
    expect((await refusal(redeem(PEOPLE.voter, 'ZZZZ2222'))).code).toBe('NOT_FOUND');
  });

  test('someone who already holds a role keeps it: a deputy cannot also become staff', async () => {
    const { code } = await issueInvite({ role: 'staff', stationId: EAST.id }, await as(PEOPLE.admin));
    expect(await refusal(redeem(PEOPLE.chen, code))).toEqual({
      code: 'CONFLICT',
      message: '您已有其他身份，如需变更请联系人大工委',
    });
    expect((await street.store.getInvite(code))?.usedBy).toBeUndefined();
  });
});
