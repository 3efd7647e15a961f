import { join, resolve } from 'node:path';
import { createSqliteStore } from '../adapters/sqlite/sqlite-store';
import { dataDir, dataFile } from '../runtime/data-dir';
import { nodeIds } from '../adapters/node-ids';
import { configFromEnv, localAdapters, setRuntime, systemClock } from '../runtime/runtime';
import { DEMO_CALLERS } from './demo-street';
import { LOCAL_FUNCTIONS } from './functions';
import { createLocalServer } from './http-server';
import { seedDemoData } from './seed';
import { dispatchOutbox } from '../services/outbox-dispatch';

/**
 * `npm start`: the whole product on one machine — the cloud functions on the SQLite
 * store (seeded with the demo street on first run) and the H5 build, on 127.0.0.1.
 */
async function main(): Promise<void> {
  process.env.ADMIN_OPENIDS ??= DEMO_CALLERS.admin;
  const file = dataFile();
  const store = createSqliteStore(file);
  const seeded = await seedDemoData(store, systemClock);
  console.log(seeded ? `已创建演示数据：${file}` : `使用已有数据：${file}`);
  if (process.argv.includes('--seed-only')) {
    await store.close();
    return;
  }
  const runtime = { ...localAdapters(), store, clock: systemClock, config: configFromEnv(), ids: nodeIds };
  setRuntime(runtime);
  // Locally the outbox is sent every two seconds to the log (the scheduler does it in CloudBase).
  const outbox = setInterval(() => {
    dispatchOutbox(store, runtime.notifier, systemClock).catch((error: unknown) => console.error('[outbox]', error));
  }, 2000);

  const port = Number(process.env.PORT ?? 8080);
  const server = createLocalServer({
    functions: LOCAL_FUNCTIONS,
    staticDir: resolve(process.env.LIANLUO_H5_DIR ?? 'dist/h5'),
    filesDir: join(dataDir(), 'files'),
  });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(`代表联络站已启动：http://127.0.0.1:${actual}/`);
    console.log('按 Ctrl-C 停止。');
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    clearInterval(outbox);
    console.log('正在停止…');
    server.close(() => {
      void store.close().then(() => process.exit(0));
    });
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('启动失败：', error);
  process.exit(1);
});
