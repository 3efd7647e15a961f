import type { AuditEntry, Store } from '../../server/ports/store';
import { activitiesContract } from './store-contract-activities';
import { changesContract } from './store-contract-changes';
import { evaluationsContract } from './store-contract-evaluations';
import { invitesContract } from './store-contract-invites';
import { messagesContract } from './store-contract-messages';
import { personalDataContract } from './store-contract-personal-data';
import { placesContract } from './store-contract-places';
import { suggestionsContract } from './store-contract-suggestions';
import { supportsContract } from './store-contract-supports';

/** What the contract's groups share: the store under test, its id prefix and an audit line. */
export interface ContractContext {
  /** Forwards to the store `makeStore` opened for this run (opened in beforeAll). */
  store: Store;
  prefix: string;
  /** An id of this run: `prefix` + `s`. */
  id: (s: string) => string;
  audit: (targetId: string) => AuditEntry;
}

const audit = (targetId: string): AuditEntry => ({
  at: 1_700_000_000_000,
  actor: 'contract-test',
  action: 'test.put',
  targetType: 'station',
  targetId,
});

/**
 * What every Store adapter must do. `makeStore` gives a fresh, empty store per test file;
 * ids carry `prefix` so that a shared cloud database is not confused by earlier runs. The
 * groups run in this order on one store: later ones use the stations and deputies of the first.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<Store>, prefix: string) {
  describe(`the ${name} store`, () => {
    let opened: Store | undefined;
    beforeAll(async () => {
      opened = await makeStore();
    });
    afterAll(() => opened?.close());

    const store = new Proxy({} as Store, {
      get: (_target, key: keyof Store) => {
        if (!opened) throw new Error('the store is opened in beforeAll');
        const value = opened[key];
        return typeof value === 'function' ? value.bind(opened) : value;
      },
    });
    const context: ContractContext = { store, prefix, id: (s) => `${prefix}${s}`, audit };
    placesContract(context);
    invitesContract(context);
    evaluationsContract(context);
    messagesContract(context);
    personalDataContract(context);
    suggestionsContract(context);
    supportsContract(context);
    changesContract(context);
    activitiesContract(context);
  });
}
