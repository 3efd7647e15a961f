/** How far one migration has come (reports.migrate answers these). */
export interface MigrationStatus {
  number: number;
  name: string;
  state: 'done' | 'pending';
  /** Documents this run changed. */
  changed: number;
  /** Documents that still need it (for a done migration: any it could not change). */
  remaining: number;
}

export interface MigrationProgress {
  /** Every migration has run to the end of its collection. */
  done: boolean;
  changed: number;
  remaining: number;
  migrations: MigrationStatus[];
}

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
