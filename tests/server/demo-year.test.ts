import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { generateDemoYear } from '../../server/local/demo-year';
import { DEMO_ACTIVITY_MARKER, seedLivedInStreet } from '../../server/local/lived-in-street';
import { seedDemoData } from '../../server/local/seed';
import { testRuntime } from '../support/test-runtime';

const DAY = 24 * 3_600_000;

describe('the demo year generator', () => {
  test('carries opinions through the real functions, and runs once per store', async () => {
    const store = createSqliteStore(join(mkdtempSync(join(tmpdir(), 'lianluo-year-')), 'y.sqlite'));
    const from = Date.UTC(2026, 0, 5);
    const clock = { now: () => from };
    await seedDemoData(store, clock);
    const runtime = testRuntime(store, clock, tmpdir());
    const stats = await generateDemoYear(runtime, { from, to: from + 60 * 24 * 3_600_000, perDay: 4 });
    expect(stats).not.toBeNull();
    expect(stats!.submitted).toBeGreaterThan(150);
    expect(stats!.replied).toBeGreaterThan(stats!.submitted / 2);
    expect(stats!.rated).toBeGreaterThan(0);
    expect(stats!.refused).toEqual({});
    const all = await store.listOpinions({ limit: 50 });
    expect(new Set(all.items.map((o) => o.status)).size).toBeGreaterThan(2);
    expect(await generateDemoYear(runtime, { from, to: from + 86_400_000, perDay: 4 })).toBeNull();
    await store.close();
  });

  test('in front of the first start’s months, it makes the earlier part of the year and carries those cases on', async () => {
    const store = createSqliteStore(join(mkdtempSync(join(tmpdir(), 'lianluo-year-')), 'y.sqlite'));
    const now = Date.UTC(2026, 10, 26, 2);
    const runtime = testRuntime(store, { now: () => now }, tmpdir());
    const first = await seedLivedInStreet(runtime, { days: 20, perDay: 2 });
    expect(first.seeded).toBe(true);
    const activityFrom = Date.parse((await store.getMarker(DEMO_ACTIVITY_MARKER))!.split('/')[0]!);
    expect(activityFrom).toBe(now - 20 * DAY);
    const before = await store.listOpinions({ limit: 1000 });

    const stats = await generateDemoYear(runtime, {
      from: activityFrom - 40 * DAY,
      to: activityFrom,
      until: now,
      perDay: 3,
    });
    expect(stats!.submitted).toBeGreaterThan(60);
    expect(stats!.refused).toEqual({});
    const after = await store.listOpinions({ limit: 1000 });
    const added = after.items.filter((o) => !before.items.some((b) => b.id === o.id));
    expect(added.length).toBe(stats!.submitted);
    expect(added.every((o) => o.createdAt >= activityFrom - 40 * DAY && o.createdAt <= activityFrom)).toBe(true);
    // Carried on past activityFrom: some of the earlier cases were answered during the months that follow.
    expect(added.some((o) => o.reply && o.reply.at > activityFrom)).toBe(true);
    expect(await generateDemoYear(runtime, { from: activityFrom - 40 * DAY, to: activityFrom, perDay: 3 })).toBeNull();
    await store.close();
  }, 60000);
});
