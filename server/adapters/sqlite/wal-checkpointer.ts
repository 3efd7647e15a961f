import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { SqliteDatabase } from './database';

/** How often the checkpointer copies what the write-ahead log holds into the database file. */
const EVERY_MS = 500;

/** The write-ahead log is cut back to this size when it starts over (SQLite keeps it otherwise). */
const WAL_KEPT_BYTES = 64 * 1024 * 1024;

/** SQLite's own default: a checkpoint by the committing connection once the log holds 1,000 pages. */
const AUTOCHECKPOINT_PAGES = 1000;

// The worker: its own connection to the same file, a PASSIVE checkpoint on a timer. PASSIVE
// never waits for a reader or a writer and never makes one wait, so the server's connection
// commits while it runs; a frame it could not copy this time is copied the next.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage(String((error && error.message) || error));
  }
}, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  /** Stop the worker and wait for it: the caller's connection then checkpoints on its own. */
  stop(): Promise<void>;
}

/**
 * Checkpoint `db` (a WAL database in `file`) from a worker thread instead of on the connection
 * that commits. With SQLite's automatic checkpoint, every ~1,000th commit also copies the log's
 * pages into the database file and syncs it, and the request that made that commit waits for it
 * (at a million opinions, 10–15 ms of an action's 2). Here no commit checkpoints; the worker does,
 * beside the server's thread. Should the worker fail, the connection checkpoints itself again.
 */
export function startWalCheckpointer(db: SqliteDatabase, file: string): WalCheckpointer {
  db.pragma(`journal_size_limit = ${WAL_KEPT_BYTES}`);
  db.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { driver: require.resolve('better-sqlite3'), file, everyMs: EVERY_MS },
  });
  // The server's life decides the process's, not this timer's.
  worker.unref();
  let running = true;
  const checkpointHere = () => {
    if (running && db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    running = false;
  };
  worker.on('error', (error) => {
    console.error(`[sqlite] the checkpointer stopped (${error.message}); commits checkpoint again`);
    checkpointHere();
  });
  worker.on('message', (message: string) => console.error(`[sqlite] checkpoint failed: ${message}`));
  worker.on('exit', checkpointHere);
  return {
    stop: async () => {
      if (!running) return;
      // Held again while it stops, or a process with nothing else to do would end before it has.
      worker.ref();
      const exited = once(worker, 'exit');
      worker.postMessage('stop');
      await exited;
    },
  };
}
