import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { generateDemoYear } from '../../server/local/demo-year';
import { seedDemoData } from '../../server/local/seed';
import { testRuntime } from '../support/test-runtime';

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
});
