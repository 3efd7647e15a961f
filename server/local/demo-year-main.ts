import { createLocalRuntime, systemClock } from '../runtime/runtime';
import { DEMO_YEAR_MARKER, generateDemoYear } from './demo-year';
import { DEMO_CALLERS } from './demo-street';
import { DEMO_ACTIVITY_MARKER } from './lived-in-street';
import { seedDemoData } from './seed';

const DAY = 24 * 3_600_000;

/**
 * `npm run demo:year`: a year of activity in the local store that `npm start` uses. When the
 * first start already made its months of activity, the year is made in front of them: voters
 * submit from a year ago up to where that activity begins, and those cases are carried on to
 * today. Once a store has its year, a second run says so and changes nothing.
 */
async function main() {
  process.env.ADMIN_OPENIDS ??= DEMO_CALLERS.admin;
  const runtime = await createLocalRuntime();
  const { store } = runtime;
  await seedDemoData(store, systemClock);
  const until = Date.now();
  const from = until - 365 * DAY;
  const activity = await store.getMarker(DEMO_ACTIVITY_MARKER);
  const activityFrom = activity ? Date.parse(activity.split('/')[0] ?? '') : NaN;
  const to = Number.isFinite(activityFrom) ? Math.max(from, activityFrom) : until;
  const perDay = Number(process.env.DEMO_PER_DAY ?? 9);
  const started = Date.now();
  const stats = await generateDemoYear(
    // A year of messages is not sent anywhere, not even to the log.
    { ...runtime, notifier: { send: async () => ({ ok: true }) } },
    { from, to, until, perDay, marker: DEMO_YEAR_MARKER, log: (line) => console.log(line) },
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (!stats) console.log('这份数据已经生成过一年的演示活动，未重复生成。');
  else if (to < until) console.log(`已在开始时生成的近几个月之前补足一年演示活动（${seconds} 秒）：`, stats);
  else console.log(`已生成一年演示活动（${seconds} 秒）：`, stats);
  await store.close();
}

main().catch((error: unknown) => {
  console.error('生成失败：', error);
  process.exit(1);
});
