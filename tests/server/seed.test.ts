import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { DEMO_DEPUTIES, DEMO_STATIONS } from '../../server/local/demo-street';
import { seedDemoData } from '../../server/local/seed';

const clock = { now: () => Date.UTC(2026, 10, 26, 2) };

describe('the demo street', () => {
  test('has at least 3 liaison stations and 5 reception points of different settings, and 12 deputies', () => {
    expect(DEMO_STATIONS.filter((s) => s.kind === 'liaison_station').length).toBeGreaterThanOrEqual(3);
    expect(DEMO_STATIONS.filter((s) => s.kind === 'reception_point').length).toBeGreaterThanOrEqual(5);
    expect(new Set(DEMO_STATIONS.map((s) => s.setting)).size).toBe(5);
    expect(DEMO_DEPUTIES).toHaveLength(12);
    for (const deputy of DEMO_DEPUTIES) expect(DEMO_STATIONS.map((s) => s.id)).toContain(deputy.stationId);
  });

  test('seeding twice changes nothing the second time', async () => {
    const store = createSqliteStore(join(mkdtempSync(join(tmpdir(), 'lianluo-seed-')), 's.sqlite'));
    expect(await seedDemoData(store, clock)).toBe(true);
    const count = (table: string) => (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    const tables = ['stations', 'deputies', 'accounts', 'invites', 'session_overrides', 'audit_log'];
    const before = tables.map(count);
    expect(await seedDemoData(store, { now: () => clock.now() + 40 * 24 * 3600 * 1000 })).toBe(false);
    expect(tables.map(count)).toEqual(before);
    expect(before[0]).toBe(8);
    await store.close();
  });
});
