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
