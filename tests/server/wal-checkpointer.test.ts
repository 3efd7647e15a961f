import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteTableStore } from '../../server/adapters/sqlite/sqlite-store';
import { openDatabase } from '../../server/adapters/sqlite/database';
import { buildSync } from 'esbuild';

// The local server's store checkpoints its write-ahead log from a worker thread
// (server/adapters/sqlite/wal-checkpointer.ts): no commit waits for a checkpoint, and nothing
// written is lost, whether the worker copies it, the connection does on closing, or neither
// has yet and the file is opened again.

const storeFile = () => join(mkdtempSync(join(tmpdir(), 'lianluo-wal-')), 'store.sqlite');
const size = (file: string) => statSync(file).size;

/** Rows of a table of its own, committed one by one as the server's writes are. */
function writeRows(db: ReturnType<typeof createSqliteTableStore>['db'], from: number, count: number) {
  const insert = db.prepare('INSERT INTO wal_test (n, filler) VALUES (?, ?)');
  for (let n = from; n < from + count; n += 1) insert.run(n, 'x'.repeat(2000));
}

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('not within the time given');
    await new Promise((done) => setTimeout(done, 50));
  }
}

test('with background checkpoints no commit checkpoints, and the worker copies the log into the file', async () => {
  const file = storeFile();
  const store = createSqliteTableStore(file, { checkpointInBackground: true });
  store.db.exec('CREATE TABLE wal_test (n INTEGER PRIMARY KEY, filler TEXT)');
  expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  const before = size(file);
  writeRows(store.db, 0, 2_000); // ~4 MB: far more than a page cache's worth
  // Only a checkpoint writes pages into the database file itself; the connection does none.
  await until(() => size(file) > before + 2_000 * 2_000);
  await store.close();
});

test('what was written while the worker checkpointed is all there after closing and opening again', async () => {
  const file = storeFile();
  const store = createSqliteTableStore(file, { checkpointInBackground: true });
  store.db.exec('CREATE TABLE wal_test (n INTEGER PRIMARY KEY, filler TEXT)');
  for (let round = 0; round < 10; round += 1) {
    writeRows(store.db, round * 300, 300);
    await new Promise((done) => setTimeout(done, 60)); // the worker's timer runs between rounds
  }
  await store.close();
  const again = openDatabase(file);
  expect(again.prepare('SELECT COUNT(*) AS n, SUM(n) AS total FROM wal_test').get()).toEqual({
    n: 3_000,
    total: (2_999 * 3_000) / 2,
  });
  again.close();
});

test('a store opened without it checkpoints in its commits, as SQLite does by default', () => {
  const store = createSqliteTableStore(storeFile());
  expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  void store.close();
});

test('a script that closes the store at its end waits for the worker, and ends only then', () => {
  // In a process with nothing else to do, an unheld worker would let it end halfway through
  // close(): the script's last lines would never run.
  const dir = mkdtempSync(join(tmpdir(), 'lianluo-wal-script-'));
  const entry = join(dir, 'script.ts');
  writeFileSync(
    entry,
    `import { createSqliteTableStore } from ${JSON.stringify(join(__dirname, '../../server/adapters/sqlite/sqlite-store'))};
    async function main() {
      const store = createSqliteTableStore(${JSON.stringify(join(dir, 'store.sqlite'))}, { checkpointInBackground: true });
      store.db.exec('CREATE TABLE wal_test (n INTEGER PRIMARY KEY)');
      await store.close();
      console.log('closed');
    }
    void main();`,
  );
  const out = join(dir, 'script.js');
  buildSync({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    packages: 'external',
    logLevel: 'silent',
  });
  const root = join(__dirname, '../..');
  const run = spawnSync(process.execPath, [out], {
    encoding: 'utf8',
    env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
    timeout: 20_000,
  });
  expect(run.stdout.trim()).toBe('closed');
  expect(run.status).toBe(0);
});
