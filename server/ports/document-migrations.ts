import type { MigrationProgress } from '../../src/domain/migration-progress';

export type { MigrationProgress, MigrationStatus } from '../../src/domain/migration-progress';

/** When a run should stop starting pages; what it has done so far stays done and is resumed next time. */
export interface MigrationBudget {
  /** At most this many pages in this run. */
  maxPages?: number;
  /** Checked before each page: true once the run should stop (its function is about to time out). */
  outOfTime?: () => boolean;
  /** Documents read per page (at most the 1,000 a CloudBase query returns). */
  pageSize?: number;
}

/**
 * Bringing stored documents up to what the code now assumes (a field added after they were
 * written). Locally SQLite migrates its schema when the file is opened; CloudBase documents are
 * migrated by numbered steps, in pages, from a stored progress marker.
 */
export interface DocumentMigrations {
  migrateDocuments(budget?: MigrationBudget): Promise<MigrationProgress>;
}
