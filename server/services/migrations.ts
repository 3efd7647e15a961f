import type { Clock } from '../../src/domain/dates';
import { AppError } from '../../src/domain/errors';
import type { MigrationBudget, MigrationProgress } from '../ports/document-migrations';
import type { Store } from '../ports/store';
import type { ServiceContext } from './context';

/**
 * How long one run keeps starting pages. The functions time out after 10 s (cloudbaserc.json);
 * a page of 200 documents takes a few seconds at most, and the progress is saved after each.
 */
export const MIGRATION_TIME_BUDGET_MS = 6000;

/**
 * Migrate stored documents within one function call's time: the CloudBase document migrations
 * from where the last run stopped (locally SQLite has migrated on opening). Call it again until
 * `done`; a timer job can call it the same way.
 */
export function runMigrations(store: Store, clock: Clock, budget: MigrationBudget = {}): Promise<MigrationProgress> {
  const stopAt = clock.now() + MIGRATION_TIME_BUDGET_MS;
  return store.migrateDocuments({ outOfTime: () => clock.now() >= stopAt, ...budget });
}

/** reports.migrate: an admin runs the document migrations after a release; each run is audited. */
export async function migrateDocuments(_input: Record<string, never>, ctx: ServiceContext): Promise<MigrationProgress> {
  if (ctx.caller.role !== 'admin' || !ctx.caller.openid) {
    throw new AppError('FORBIDDEN', '只有人大工委可以升级数据');
  }
  const progress = await runMigrations(ctx.store, ctx.clock);
  await ctx.store.appendAudit({
    at: ctx.clock.now(),
    actor: ctx.caller.openid,
    action: 'reports.migrate',
    targetType: 'store',
    targetId: 'documents',
    detail: { done: progress.done, changed: progress.changed, remaining: progress.remaining },
  });
  return progress;
}
