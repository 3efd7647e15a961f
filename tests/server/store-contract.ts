import type { AuditEntry, Store } from '../../server/ports/store';
import type { Station } from '../../src/domain/station';

const audit = (targetId: string): AuditEntry => ({
  at: 1_700_000_000_000,
  actor: 'contract-test',
  action: 'test.put',
  targetType: 'station',
  targetId,
});

const station = (id: string, sortOrder: number): Station => ({
  id,
  name: `测试联络站 ${id}`,
  kind: 'reception_point',
  setting: 'village',
  address: '测试地址 1 号',
  location: { latitude: 29.5, longitude: 121.9 },
  phone: '0574-00000000',
  districts: ['第一选区'],
  receptionRule: { oddMonthDay: 5, evenMonthDay: 20, start: '08:30', end: '11:30' },
  sortOrder,
});

/**
 * What every Store adapter must do. `makeStore` gives a fresh, empty store per test file;
 * ids carry `prefix` so that a shared cloud database is not confused by earlier runs.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<Store>, prefix: string) {
  describe(`the ${name} store`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await makeStore();
    });
    afterAll(() => store.close());

    const id = (s: string) => `${prefix}${s}`;

    test('gives back a station exactly as it was put, and lists stations in display order', async () => {
      await store.putStation(station(id('b'), 2), audit(id('b')));
      await store.putStation(station(id('a'), 1), audit(id('a')));
      expect(await store.getStation(id('a'))).toEqual(station(id('a'), 1));
      const listed = (await store.listStations()).filter((s) => s.id.startsWith(prefix));
      expect(listed.map((s) => s.id)).toEqual([id('a'), id('b')]);
    });

    test('putting a station again replaces it', async () => {
      await store.putStation({ ...station(id('a'), 1), phone: '0574-11111111' }, audit(id('a')));
      expect((await store.getStation(id('a')))?.phone).toBe('0574-11111111');
    });

    test('an unknown station is null', async () => {
      expect(await store.getStation(id('none'))).toBeNull();
    });

    test('deputies are listed by station', async () => {
      const deputy = {
        id: id('d1'),
        stationId: id('a'),
        name: '测试代表',
        title: '县人大代表',
        focusCategories: ['housing' as const],
        active: true,
      };
      await store.putDeputy(deputy, audit(id('d1')));
      await store.putDeputy({ ...deputy, id: id('d2'), stationId: id('b'), active: false }, audit(id('d2')));
      expect(await store.listDeputies([id('a')])).toEqual([deputy]);
      expect((await store.listDeputies([id('a'), id('b')])).map((d) => d.id)).toEqual([id('d1'), id('d2')]);
      expect(await store.listDeputies([])).toEqual([]);
      expect(await store.getDeputy(id('d2'))).toMatchObject({ active: false });
    });

    test('session overrides are found from a month on', async () => {
      await store.putSessionOverride({ stationId: id('a'), month: '2026-02', theme: '旧主题' }, audit(id('a')));
      await store.putSessionOverride(
        { stationId: id('a'), month: '2026-03', cancelled: true, reason: '培训', deputyIds: [id('d1')] },
        audit(id('a')),
      );
      expect(await store.listSessionOverrides([id('a')], '2026-03')).toEqual([
        { stationId: id('a'), month: '2026-03', cancelled: true, reason: '培训', deputyIds: [id('d1')] },
      ]);
    });

    test('a holiday arrangement loaded as data is listed', async () => {
      const arrangement = { year: 2099, holidays: [{ date: '2099-01-01', name: '元旦' }], workdays: [] };
      await store.putHolidayArrangement(arrangement, audit('2099'));
      expect((await store.listHolidayArrangements()).find((a) => a.year === 2099)).toEqual(arrangement);
    });

    test('an invite is redeemed once; the second redeemer gets false and changes nothing', async () => {
      const code = `${prefix}INV`.toUpperCase();
      await store.putInvite(
        { code, role: 'staff', stationId: id('a'), expiresAt: 2e12, issuedBy: 'admin' },
        audit(code),
      );
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

    test('every write leaves an audit line with actor and time', async () => {
      const lines = await store.listAudit('station', id('a'));
      expect(lines.length).toBeGreaterThanOrEqual(4);
      expect(lines[0]).toEqual(audit(id('a')));
    });

    test('a deputy keeps the district that elected them', async () => {
      const deputy = {
        id: id('d3'),
        stationId: id('a'),
        name: '测试代表三',
        title: '县人大代表',
        focusCategories: [],
        active: true,
        district: '第二选区',
      };
      await store.putDeputy(deputy, audit(id('d3')));
      expect(await store.getDeputy(id('d3'))).toEqual(deputy);
    });

    test('evaluation rounds are listed newest first and can be ended early', async () => {
      const round = (suffix: string, opensOn: string) => ({
        id: id(`ev${suffix}`),
        district: '第一选区',
        title: `测试评议 ${suffix}`,
        opensOn,
        closesOn: opensOn.replace(/-\d\d$/, '-28'),
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        deputyIds: [id('d1')],
        createdBy: 'contract-test',
        createdAt: 1_700_000_000_000,
      });
      await store.createRound(round('old', '2026-01-10'), audit(id('evold')));
      await store.createRound(round('new', '2026-02-10'), audit(id('evnew')));
      const mine = (await store.listRounds()).filter((r) => r.id.startsWith(prefix));
      expect(mine.map((r) => r.id)).toEqual([id('evnew'), id('evold')]);
      expect(await store.getRound(id('evold'))).toEqual(round('old', '2026-01-10'));
      await store.closeRoundEarly(id('evold'), '2026-01-15', audit(id('evold')));
      expect(await store.getRound(id('evold'))).toMatchObject({ closedEarlyOn: '2026-01-15' });
      expect(await store.getRound(id('nope'))).toBeNull();
    });

    test('a voter rates a deputy once per round; counts never name the voters', async () => {
      const roundId = id('evnew');
      const rating = (
        voter: string,
        deputyId: string,
        satisfaction: 'satisfied' | 'dissatisfied',
        comment?: string,
      ) => ({
        roundId,
        deputyId,
        voterOpenid: id(voter),
        satisfaction,
        ...(comment ? { comment } : {}),
        at: 1_700_000_000_000 + voter.length,
      });
      expect(await store.addEvaluation(rating('v1', id('d1'), 'satisfied'), audit(roundId))).toBe(true);
      expect(await store.addEvaluation(rating('v1', id('d1'), 'dissatisfied'), audit(roundId))).toBe(false);
      expect(await store.addEvaluation(rating('v22', id('d1'), 'dissatisfied', '不常见到'), audit(roundId))).toBe(true);
      expect(await store.addEvaluation(rating('v1', id('d3'), 'satisfied'), audit(roundId))).toBe(true);
      expect(await store.countEvaluations(roundId)).toEqual([
        { deputyId: id('d1'), satisfaction: 'dissatisfied', count: 1 },
        { deputyId: id('d1'), satisfaction: 'satisfied', count: 1 },
        { deputyId: id('d3'), satisfaction: 'satisfied', count: 1 },
      ]);
      expect(await store.countEvaluators(roundId)).toBe(2);
      expect(await store.listEvaluationComments(roundId, [id('d1'), id('d3')], 10)).toEqual([
        { deputyId: id('d1'), satisfaction: 'dissatisfied', comment: '不常见到', at: 1_700_000_000_003 },
      ]);
      expect((await store.listEvaluationsByVoter(id('v1'))).map((e) => [e.deputyId, e.satisfaction])).toEqual([
        [id('d1'), 'satisfied'],
        [id('d3'), 'satisfied'],
      ]);
    });

    test('the comments of several deputies come in one answer: each deputy’s newest first, at most the limit each', async () => {
      const roundId = id('evold');
      const t = 1_700_000_000_000;
      const rate = (voter: string, deputy: string, at: number, comment?: string) =>
        store.addEvaluation(
          {
            roundId,
            deputyId: id(deputy),
            voterOpenid: id(voter),
            satisfaction: 'satisfied',
            at,
            ...(comment ? { comment } : {}),
          },
          audit(roundId),
        );
      await rate('c1', 'd1', t + 1, '旧的');
      await rate('c2', 'd1', t + 3, '最新');
      await rate('c3', 'd1', t + 2, '其次');
      await rate('c4', 'd1', t + 4);
      await rate('c2', 'd3', t + 1, '同时二');
      await rate('c1', 'd3', t + 1, '同时一');
      await rate('c1', 'd2', t + 1, '没有问到');
      const comment = (deputy: string, text: string, at: number) => ({
        deputyId: id(deputy),
        satisfaction: 'satisfied',
        comment: text,
        at,
      });
      expect(await store.listEvaluationComments(roundId, [id('d3'), id('d1')], 2)).toEqual([
        comment('d1', '最新', t + 3),
        comment('d1', '其次', t + 2),
        comment('d3', '同时一', t + 1),
        comment('d3', '同时二', t + 1),
      ]);
      expect(await store.listEvaluationComments(roundId, [], 2)).toEqual([]);
    });

    test('a voter’s declared district is kept', async () => {
      expect(await store.getVoterDistrict(id('v1'))).toBeNull();
      await store.setVoterDistrict(id('v1'), '第一选区', 1_700_000_000_000, audit(id('v1')));
      await store.setVoterDistrict(id('v1'), '第二选区', 1_700_000_000_001, audit(id('v1')));
      expect(await store.getVoterDistrict(id('v1'))).toBe('第二选区');
    });

    test('a person’s messages come newest first, page by page, and only theirs', async () => {
      const to = (openid: string, at: number) => ({
        kind: 'session_reminder',
        recipientOpenid: openid,
        opinionId: `station:${id('a')}`,
        payload: { station: '测试联络站', date: '2026-12-02', start: '09:00', end: '11:30', theme: '日常接待' },
        createdAt: at,
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: at,
        dedupeKey: id(`msg-${openid}-${at}`),
      });
      const t = 1_700_000_100_000;
      await store.enqueueOnce([0, 1, 2, 3, 4].map((i) => to(id('p1'), t + i)));
      await store.enqueueOnce([to(id('p2'), t + 9)]);
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listMessages(id('p1'), cursor, 2);
        seen.push(...page.items.map((m) => m.createdAt));
        expect(page.items.every((m) => m.recipientOpenid === id('p1'))).toBe(true);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual([t + 4, t + 3, t + 2, t + 1, t]);
      expect(await store.countMessagesSince(id('p1'), t + 2)).toBe(2);
    });

    test('the read mark only moves forward', async () => {
      expect(await store.getMessagesReadAt(id('p1'))).toBe(0);
      await store.setMessagesReadAt(id('p1'), 1_700_000_100_003);
      await store.setMessagesReadAt(id('p1'), 1_700_000_100_001);
      expect(await store.getMessagesReadAt(id('p1'))).toBe(1_700_000_100_003);
    });

    test('a subscription acceptance is spent once, never below zero, and capped', async () => {
      await store.grantSubscriptions(id('p1'), ['T1', 'T1', 'T2'], 2, audit(id('p1')));
      await store.grantSubscriptions(id('p1'), ['T1'], 2, audit(id('p1')));
      await store.grantSubscriptions(id('p1'), ['T1'], 2, audit(id('p1')));
      expect(await store.listSubscriptions(id('p1'))).toEqual({ T1: 2, T2: 1 });
      const spent = await Promise.all([1, 2, 3].map(() => store.spendSubscription(id('p1'), 'T1')));
      expect(spent.filter(Boolean)).toHaveLength(2);
      expect(await store.spendSubscription(id('p1'), 'T3')).toBe(false);
      await store.refundSubscription(id('p1'), 'T1');
      expect(await store.listSubscriptions(id('p1'))).toEqual({ T1: 1, T2: 1 });
    });

    test('a marker is set once', async () => {
      expect(await store.getMarker(id('m'))).toBeNull();
      expect(await store.setMarkerOnce(id('m'), 'one')).toBe(true);
      expect(await store.setMarkerOnce(id('m'), 'two')).toBe(false);
      expect(await store.getMarker(id('m'))).toBe('one');
    });
  });
}
