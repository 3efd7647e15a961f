import type { ContractContext } from './store-contract';

/** A person’s messages, their read mark and subscription credits. */
export function messagesContract({ store, id, audit }: ContractContext) {
  test('a person’s messages come newest first, page by page, and only theirs', async () => {
    const to = (openid: string, at: number) => ({
      kind: 'session_reminder',
      recipientOpenid: openid,
      subjectId: `station:${id('a')}`,
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
    // Each grant answers what the person then holds.
    expect(await store.grantSubscriptions(id('p1'), ['T1', 'T1', 'T2'], 2, audit(id('p1')))).toEqual({ T1: 1, T2: 1 });
    expect(await store.grantSubscriptions(id('p1'), ['T1'], 2, audit(id('p1')))).toEqual({ T1: 2, T2: 1 });
    expect(await store.grantSubscriptions(id('p1'), ['T1'], 2, audit(id('p1')))).toEqual({ T1: 2, T2: 1 });
    expect(await store.listSubscriptions(id('p1'))).toEqual({ T1: 2, T2: 1 });
    const spent = await Promise.all([1, 2, 3].map(() => store.spendSubscription(id('p1'), 'T1')));
    expect(spent.filter(Boolean)).toHaveLength(2);
    expect(await store.spendSubscription(id('p1'), 'T3')).toBe(false);
    await store.refundSubscription(id('p1'), 'T1');
    expect(await store.listSubscriptions(id('p1'))).toEqual({ T1: 1, T2: 1 });
  });
}
