import rfdc from 'rfdc';
import type { Account } from '../../src/domain/roles';
import type { Store } from '../ports/store';
import type { ReferenceData, ReferenceVersions } from '../ports/store-types';
import { actionScoped, forgetInAction, inAction } from './action-scope';

/**
 * An answer from the kept copy, which no caller may change. (rfdc: the reference data are plain
 * objects and arrays, which it copies several times faster than v8's serializer; the functions'
 * runtime, Node 16.13, has no structuredClone.)
 */
const copy: <T>(value: T) => T = rfdc({ proto: false, circles: false });

const byOpenid = (a: Account, b: Account) => (a.openid < b.openid ? -1 : a.openid > b.openid ? 1 : 0);

/**
 * `inner` with the reference data (REFERENCE_DATA: stations, deputies, session overrides,
 * holiday arrangements, accounts, 人大小组, 承办单位) kept between actions by this warm instance.
 *
 * Each action reads the version tokens once, before any of the data, and answers each part of
 * the copy while the tokens of the kinds it was made from are the ones it was made under; a part
 * whose kind has a new token is loaded again, after that read. A change made through any store
 * (another instance) changes its kind's token in its own transaction, so the next action sees
 * it: no action is answered from data older than its own start. A change racing an action's
 * reads can at worst show that action the newer data under the older token; the next action
 * reads the newer token and loads again. Writes of reference data through this store drop the
 * copy at once, so that the action that made them reads them back. Answers are copies: a caller
 * changing one cannot change the copy kept.
 */
export function cachedStore<S extends Store>(inner: S): S {
  const self = {};
  const parts = new Map<string, { token: string; value: Promise<unknown> }>();
  /** The earliest month of session overrides asked for: the one part kept holds them all from there. */
  let overridesFrom: string | undefined;

  /** The tokens this action read (read once per action), or undefined outside an action. */
  function versions(): Promise<ReferenceVersions> | undefined {
    return actionScoped(self, () => {
      const read = inner.referenceVersion();
      read.catch(() => forgetInAction(self));
      return read;
    });
  }

  /**
   * The part `key`, made by `load()` from the data of `kinds`: kept while their tokens hold; read
   * through outside an action. Shared: what is answered from it goes out through `copy`.
   */
  async function part<T>(key: string, kinds: readonly ReferenceData[], load: () => Promise<T>): Promise<T> {
    const read = versions();
    if (!read) return load();
    const tokens = await read;
    const token = kinds.map((kind) => tokens[kind] ?? '').join('\u0000');
    let entry = parts.get(key);
    if (!entry || entry.token !== token) {
      const made = { token, value: load() as Promise<unknown> };
      parts.set(key, made);
      made.value.catch(() => {
        if (parts.get(key) === made) parts.delete(key);
      });
      entry = made;
    }
    return (await entry.value) as T;
  }

  /** After a write of reference data through this store: this action and the next read again. */
  function changes<A extends unknown[], R>(write: (...args: A) => Promise<R>) {
    return async (...args: A): Promise<R> => {
      try {
        return await write(...args);
      } finally {
        parts.clear();
        forgetInAction(self);
      }
    };
  }

  const stations = () => part('stations', ['stations'], () => inner.listStations());
  const deputies = () => part('deputies', ['deputies'], () => inner.listDeputies());
  const accounts = () => part('accounts', ['accounts'], () => inner.listAccounts());
  const units = () => part('units', ['handling_units'], () => inner.listHandlingUnits());

  return {
    ...inner,
    listStations: async () => copy(await stations()),
    getStation: async (id) => copy((await stations()).find((s) => s.id === id) ?? null),
    listDeputies: async (stationIds) => {
      const all = await deputies();
      return copy(stationIds ? all.filter((d) => stationIds.includes(d.stationId)) : all);
    },
    getDeputy: async (id) => copy((await deputies()).find((d) => d.id === id) ?? null),
    // Within an action: every station's overrides from the earliest month any action asked for
    // (the calendar's last month, routing's this month) in one read; each caller takes its own.
    listSessionOverrides: async (stationIds, fromMonth) => {
      if (stationIds.length === 0) return [];
      if (!inAction()) return inner.listSessionOverrides(stationIds, fromMonth);
      if (overridesFrom === undefined || fromMonth < overridesFrom) overridesFrom = fromMonth;
      const from = overridesFrom;
      const all = await part(`overrides:${from}`, ['stations', 'session_overrides'], async () =>
        inner.listSessionOverrides(
          (await stations()).map((s) => s.id),
          from,
        ),
      );
      return copy(all.filter((o) => o.month >= fromMonth && stationIds.includes(o.stationId)));
    },
    listHolidayArrangements: async () =>
      copy(await part('arrangements', ['holiday_arrangements'], () => inner.listHolidayArrangements())),
    getAccount: async (openid) => copy((await accounts()).find((a) => a.openid === openid) ?? null),
    listAccounts: async () => copy(await accounts()),
    listStaffAccounts: async (stationId) =>
      copy((await accounts()).filter((a) => a.role === 'staff' && a.stationId === stationId).sort(byOpenid)),
    getAccountByDeputy: async (deputyId) => copy((await accounts()).find((a) => a.deputyId === deputyId) ?? null),
    listUnitAccounts: async (unitId) =>
      copy((await accounts()).filter((a) => a.role === 'unit' && a.unitId === unitId).sort(byOpenid)),
    listGroups: async () => copy(await part('groups', ['deputy_groups'], () => inner.listGroups())),
    listHandlingUnits: async () => copy(await units()),
    getHandlingUnit: async (id) => copy((await units()).find((u) => u.id === id) ?? null),

    putStation: changes(inner.putStation),
    putDeputy: changes(inner.putDeputy),
    putSessionOverride: changes(inner.putSessionOverride),
    changeSession: changes(inner.changeSession),
    putHolidayArrangement: changes(inner.putHolidayArrangement),
    putAccount: changes(inner.putAccount),
    redeemInvite: changes(inner.redeemInvite),
    putGroup: changes(inner.putGroup),
    putHandlingUnit: changes(inner.putHandlingUnit),
  };
}
