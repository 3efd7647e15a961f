import { createSqliteStore } from '../adapters/sqlite/sqlite-store';
import { nodeIds } from '../adapters/node-ids';
import { dataFile } from '../runtime/data-dir';
import { configFromEnv, localAdapters, systemClock } from '../runtime/runtime';
import { generateDemoYear } from './demo-year';
import { DEMO_CALLERS } from './demo-street';
import { seedDemoData } from './seed';

/** `npm run demo:year`: a year of activity in the local store that `npm start` uses. */
async function main() {
  process.env.ADMIN_OPENIDS ??= DEMO_CALLERS.admin;
  const store = createSqliteStore(dataFile());
  await seedDemoData(store, systemClock);
  const to = Date.now();
  const from = to - 365 * 24 * 3_600_000;
  const perDay = Number(process.env.DEMO_PER_DAY ?? 9);
  const started = Date.now();
  const stats = await generateDemoYear(
    {
      ...localAdapters(),
      store,
      clock: systemClock,
      config: configFromEnv(),
      ids: nodeIds,
      notifier: { send: async () => ({ ok: true }) },
    },
    { from, to, perDay, log: (line) => console.log(line) },
  );
  if (!stats) console.log('这份数据已经生成过一年的演示活动，未重复生成。');
  else console.log(`已生成一年演示活动（${((Date.now() - started) / 1000).toFixed(0)} 秒）：`, stats);
  await store.close();
}

main().catch((error: unknown) => {
  console.error('生成失败：', error);
  process.exit(1);
});
