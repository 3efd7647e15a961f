import { join, resolve } from 'node:path';
import { dataDir, dataFile } from '../runtime/data-dir';
import { createLocalRuntime, setRuntime } from '../runtime/runtime';
import { DEMO_CALLERS } from './demo-street';
import { LOCAL_FUNCTIONS } from './functions';
import { createLocalServer } from './http-server';
import { seedLivedInStreet } from './lived-in-street';
import { startLocalTimers } from './timers';

/**
 * `npm start`: the whole product on one machine — the cloud functions on the SQLite
 * store (on first run: the demo street with a year of its activity) and the H5 build,
 * on 127.0.0.1, with the scheduler's timers running.
 */
async function main(): Promise<void> {
  process.env.ADMIN_OPENIDS ??= DEMO_CALLERS.admin;
  const file = dataFile();
  // The functions' own local assembly, made here before the demo data so both use the one store.
  const runtime = await createLocalRuntime(file);
  const { store } = runtime;
  setRuntime(runtime);
  const started = Date.now();
  const seeded = await seedLivedInStreet(runtime);
  if (seeded.seeded) {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`已创建演示数据：${file}`);
    console.log(
      `（演示街道和近一年的办理记录：${seeded.activity?.submitted ?? 0} 条意见，一年的履职活动 ${seeded.luzhi.activities} 项，用时 ${seconds} 秒）`,
    );
  } else {
    console.log(`使用已有数据：${file}`);
  }
  if (process.argv.includes('--seed-only')) {
    await store.close();
    return;
  }
  setRuntime(runtime);
  // The scheduler as in CloudBase: its jobs now and every minute; the outbox every two seconds (to the log).
  const timers = startLocalTimers(runtime);
  // The URL is printed once the first run is done: what it escalated is there at the first look.
  await timers.first;

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
    console.log('正在停止…');
    const timersStopped = timers.stop();
    server.close(() => {
      void timersStopped.then(() => store.close()).then(() => process.exit(0));
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
