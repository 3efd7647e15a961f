import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { reportsActions } from '../../src/domain/actions/reports';
import type { Clock } from '../../src/domain/dates';
import type { CounterRecount } from '../../src/domain/figure-counters';
import type { MigrationBudget, MigrationProgress } from '../ports/document-migrations';
import type { Store } from '../ports/store';
import { requireAdmin } from './actor';
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
  const admin = requireAdmin(ctx, '只有人大工委可以升级数据');
  const progress = await runMigrations(ctx.store, ctx.clock);
  await ctx.store.appendAudit({
    at: ctx.clock.now(),
    actor: admin,
    action: 'reports.migrate',
    targetType: 'store',
    targetId: 'documents',
    detail: { done: progress.done, changed: progress.changed, remaining: progress.remaining },
  });
  return progress;
}

/**
 * reports.recount: an admin checks a month's figure counters and the open-case counters against
 * the opinions (src/domain/figure-counters.ts) and, with `repair`, has what differs written over
 * with the recount. Each run is audited with what it found.
 */
export async function recountCounters(
  input: ActionInput<typeof reportsActions, 'recount'>,
  ctx: ServiceContext,
): Promise<CounterRecount> {
  const admin = requireAdmin(ctx, '只有人大工委可以核对统计');
  const result = await ctx.store.recountCounters(input.month, input.repair ?? false);
  await ctx.store.appendAudit({
    at: ctx.clock.now(),
    actor: admin,
    action: 'reports.recount',
    targetType: 'store',
    targetId: `counters:${input.month}`,
    detail: {
      month: input.month,
      checked: result.checked,
      differences: result.differences.length,
      repaired: result.repaired,
    },
  });
  return result;
}
