import type { Clock } from '../../src/domain/dates';
import type { Store } from '../ports/store';
import type { ServiceConfig } from '../services/context';

/** The adapters a function runs on. */
export interface Runtime {
  store: Store;
  clock: Clock;
  config: ServiceConfig;
}

export const systemClock: Clock = { now: () => Date.now() };

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return {
    adminOpenids: (env.ADMIN_OPENIDS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

let current: Promise<Runtime> | undefined;

/**
 * The runtime of this process, made once. In CloudBase it is the CloudBase store; with
 * LIANLUO_STORE=sqlite (the local server, tests, a built function run by hand) the SQLite
 * file under LIANLUO_DATA_DIR. The SQLite adapter is loaded only then, so a deployed
 * function never needs the native module.
 */
export function getRuntime(): Promise<Runtime> {
  current ??= createDefaultRuntime();
  return current;
}

/** Use these adapters from now on (the local server and tests choose their own). */
export function setRuntime(runtime: Runtime): void {
  current = Promise.resolve(runtime);
}

async function createDefaultRuntime(): Promise<Runtime> {
  const config = configFromEnv();
  if (process.env.LIANLUO_STORE === 'sqlite') {
    const { createSqliteStore } = await import('../adapters/sqlite/sqlite-store');
    const { dataFile } = await import('./data-dir');
    return { store: createSqliteStore(dataFile()), clock: systemClock, config };
  }
  const { createCloudbaseStore } = await import('../adapters/cloudbase/cloudbase-store');
  return { store: createCloudbaseStore(), clock: systemClock, config };
}
