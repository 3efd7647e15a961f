import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export type SqliteDatabase = Database.Database;

/**
 * Open (creating if needed) the store file and bring its schema up to date. WAL lets
 * readers go on while a write commits; synchronous=NORMAL is durable across process
 * crashes in WAL mode (only an OS crash can lose the last commits), at a fifth of FULL's cost.
 */
export function openDatabase(file: string): SqliteDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MB of page cache (the default is 2 MB): a submit writes into a dozen indexes, and at a
  // million opinions their pages did not stay in a 2 MB cache, so each was read back from the OS.
  db.pragma('cache_size = -65536');
  // Statement journals (a trigger's or an upsert's partial undo inside a transaction) in memory:
  // on disk each submit opened, wrote and deleted a temporary file, half of its system time.
  db.pragma('temp_store = MEMORY');
  // Deleted rows are overwritten, not left readable in free pages: the ratings table that once
  // held voters beside their answers (dropped by migration 11) must not survive in the file.
  db.pragma('secure_delete = ON');
  migrate(db);
  return db;
}

export function migrate(db: SqliteDatabase): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version),
  );
  for (const step of MIGRATIONS) {
    if (applied.has(step.version)) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(step.version, Date.now());
    })();
  }
}
