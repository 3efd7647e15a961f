import { identify, isAdmin } from '../../server/services/context';
import type { Store } from '../../server/ports/store';
import { aStreet, DEPUTIES, PEOPLE } from '../support/builders';

// Who the caller is (server/services/context.ts): the OPENID comes from the platform; the role
// and account are read only when a use case asks, once per call, and are the store's as they are
// at that moment.

/** `store` with its account reads counted. */
function counting(store: Store): { store: Store; reads: () => number } {
  let reads = 0;
  return {
    store: {
      ...store,
      getAccount: (openid) => {
        reads += 1;
        return store.getAccount(openid);
      },
    },
    reads: () => reads,
  };
}

describe('who the caller is', () => {
  test('nothing is read until a use case asks who the caller is', async () => {
    const street = await aStreet();
    const { store, reads } = counting(street.store);
    const caller = identify(store, street.config, PEOPLE.chen);
    expect(caller.openid).toBe(PEOPLE.chen);
    expect(reads()).toBe(0);
  });

  test('the account is read once per call however often the use case asks', async () => {
    const street = await aStreet();
    const { store, reads } = counting(street.store);
    const caller = identify(store, street.config, PEOPLE.chen);
    const [first, second] = await Promise.all([caller.identity(), caller.identity()]);
    expect(await caller.identity()).toBe(first);
    expect(second).toBe(first);
    expect(first).toMatchObject({ role: 'deputy', account: { deputyId: DEPUTIES.chen.id } });
    expect(reads()).toBe(1);
  });

  test('a role given since an earlier call is the one the next call sees', async () => {
    const street = await aStreet();
    const before = await identify(street.store, street.config, 'new-staff').identity();
    expect(before).toEqual({ role: 'voter', account: null });
    const account = { ...(await street.store.getAccount(PEOPLE.staff))!, openid: 'new-staff' };
    await street.store.putAccount(account, { at: 1, actor: 'test', action: 't', targetType: 't', targetId: 't' });
    expect(await identify(street.store, street.config, 'new-staff').identity()).toMatchObject({ role: 'staff' });
  });

  test('an admin is one by configuration, known without a read', async () => {
    const street = await aStreet();
    const { store, reads } = counting(street.store);
    const ctx = { config: street.config, caller: identify(store, street.config, PEOPLE.admin) };
    expect(isAdmin(ctx)).toBe(true);
    expect(isAdmin({ config: street.config, caller: identify(store, street.config, PEOPLE.staff) })).toBe(false);
    expect(isAdmin({ config: street.config, caller: identify(store, street.config, undefined) })).toBe(false);
    expect(reads()).toBe(0);
    expect((await ctx.caller.identity()).role).toBe('admin');
  });

  test('a caller the platform did not name is an anonymous voter, and nothing is read', async () => {
    const street = await aStreet();
    const { store, reads } = counting(street.store);
    const caller = identify(store, street.config, undefined);
    expect(caller.openid).toBeUndefined();
    expect(await caller.identity()).toEqual({ role: 'voter', account: null });
    expect(reads()).toBe(0);
  });
});
