import type { ContractContext } from './store-contract';

/** Invites: redeemed once, a deputy linked to one account, a newer deputy invite revoking the older. */
export function invitesContract({ store, id, audit, prefix }: ContractContext) {
  test('an invite is redeemed once; the second redeemer gets false and changes nothing', async () => {
    const code = `${prefix}INV`.toUpperCase();
    await store.putInvite({ code, role: 'staff', stationId: id('a'), expiresAt: 2e12, issuedBy: 'admin' }, audit(code));
    const account = (openid: string) => ({
      openid,
      role: 'staff' as const,
      stationId: id('a'),
      createdAt: 1_700_000_000_001,
    });
    const results = await Promise.all([
      store.redeemInvite(code, account(id('u1')), audit(code)),
      store.redeemInvite(code, account(id('u2')), audit(code)),
    ]);
    expect([...results].sort()).toEqual(['redeemed', 'unavailable']);
    const winner = results[0] === 'redeemed' ? id('u1') : id('u2');
    const loser = results[0] === 'redeemed' ? id('u2') : id('u1');
    expect(await store.getInvite(code)).toMatchObject({ usedBy: winner, usedAt: 1_700_000_000_001 });
    expect(await store.getAccount(winner)).toEqual(account(winner));
    expect(await store.getAccount(loser)).toBeNull();
  });

  describe('deputy invites and the accounts they link', () => {
    const deputyInvite = (code: string, deputyId: string) => ({
      code,
      role: 'deputy' as const,
      stationId: id('a'),
      deputyId,
      expiresAt: 2e12,
      issuedBy: 'admin',
    });
    const deputyAccount = (openid: string, deputyId: string) => ({
      openid,
      role: 'deputy' as const,
      stationId: id('a'),
      deputyId,
      createdAt: 1_700_000_000_002,
    });
    const code = (s: string) => `${prefix}${s}`.toUpperCase();

    test('a new invite of a deputy revokes their earlier unused one, with an audit line; it can no longer be redeemed', async () => {
      const [older, newer] = [code('DREV1'), code('DREV2')];
      await store.putInvite(deputyInvite(older, id('dr')), audit(older));
      await store.putInvite(deputyInvite(newer, id('dr')), { ...audit(newer), at: 1_700_000_000_500 });
      expect(await store.getInvite(older)).toMatchObject({ revokedAt: 1_700_000_000_500 });
      expect(await store.getInvite(newer)).not.toHaveProperty('revokedAt');
      expect(await store.listAudit('invite', older)).toContainEqual(
        expect.objectContaining({ action: 'invite.revoke', at: 1_700_000_000_500, detail: { replacedBy: newer } }),
      );
      expect(await store.redeemInvite(older, deputyAccount(id('ur1'), id('dr')), audit(older))).toBe('unavailable');
      expect(await store.getAccount(id('ur1'))).toBeNull();
      expect(await store.redeemInvite(newer, deputyAccount(id('ur2'), id('dr')), audit(newer))).toBe('redeemed');
    });

    test('a used invite, and the invites of other deputies and of staff, are not revoked', async () => {
      const staffCode = code('SKEEP');
      const otherCode = code('DKEEP');
      await store.putInvite(
        { code: staffCode, role: 'staff', stationId: id('a'), expiresAt: 2e12, issuedBy: 'admin' },
        audit(staffCode),
      );
      await store.putInvite(deputyInvite(otherCode, id('dother')), audit(otherCode));
      await store.putInvite(deputyInvite(code('DREV3'), id('dr')), audit(code('DREV3')));
      expect(await store.getInvite(code('DREV2'))).not.toHaveProperty('revokedAt');
      expect(await store.getInvite(staffCode)).not.toHaveProperty('revokedAt');
      expect(await store.getInvite(otherCode)).not.toHaveProperty('revokedAt');
    });

    test('two invites of one deputy put at once: exactly one stays live', async () => {
      const codes = [code('DPAR1'), code('DPAR2'), code('DPAR3')];
      await Promise.all(codes.map((c) => store.putInvite(deputyInvite(c, id('dpar')), audit(c))));
      const live = [];
      for (const c of codes) if (!(await store.getInvite(c))?.revokedAt) live.push(c);
      expect(live).toHaveLength(1);
    });

    test('a deputy already linked to an account: the redemption is refused and writes nothing', async () => {
      const c = code('DLNK1');
      await store.putAccount(deputyAccount(id('ul-first'), id('dl')), audit(id('ul-first')));
      await store.putInvite(deputyInvite(c, id('dl')), audit(c));
      expect(await store.redeemInvite(c, deputyAccount(id('ul-second'), id('dl')), audit(c))).toBe('deputy_linked');
      expect(await store.getAccount(id('ul-second'))).toBeNull();
      expect(await store.getInvite(c)).not.toHaveProperty('usedBy');
      expect(await store.getAccountByDeputy(id('dl'))).toEqual(deputyAccount(id('ul-first'), id('dl')));
      // audit() files its lines under the station type: the one line is the invite's own.
      expect((await store.listAudit('station', c)).map((a) => a.action)).toEqual(['test.put']);
    });

    test('a deputy linked by one redemption cannot be linked by another invite of theirs', async () => {
      const [first, second] = [code('DLNK2'), code('DLNK3')];
      await store.putInvite(deputyInvite(first, id('dm')), audit(first));
      expect(await store.redeemInvite(first, deputyAccount(id('um-1'), id('dm')), audit(first))).toBe('redeemed');
      await store.putInvite(deputyInvite(second, id('dm')), audit(second));
      expect(await store.redeemInvite(second, deputyAccount(id('um-2'), id('dm')), audit(second))).toBe(
        'deputy_linked',
      );
      expect(await store.getAccount(id('um-2'))).toBeNull();
      expect(await store.getAccountByDeputy(id('dm'))).toMatchObject({ openid: id('um-1') });
    });
  });
}
