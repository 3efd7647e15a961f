import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { seedDemoData } from '../../server/local/seed';

// Runs on the output of `npm run build:functions` (scripts/test.mjs builds it first).
const root = resolve('dist/cloudfunctions');

describe.each(['account', 'stations', 'opinions', 'casework', 'scheduler', 'mediacheck'])(
  'the built %s function',
  (name) => {
    const dir = join(root, name);

    test('is a deployable folder: index.js, package.json, config.json', () => {
      for (const file of ['index.js', 'package.json', 'config.json']) expect(existsSync(join(dir, file))).toBe(true);
      expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toMatchObject({ main: 'index.js' });
      expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toHaveProperty('permissions');
    });
  },
);

describe('a built function loads with plain node and answers an event', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lianluo-built-'));

  beforeAll(async () => {
    const store = createSqliteStore(join(dataDir, 'lianluo.sqlite'));
    await seedDemoData(store, { now: () => Date.UTC(2026, 2, 1, 2) });
    await store.close();
  });

  const run = (name: string, event: unknown, openid?: string) => {
    const script = `
      const fn = require(${JSON.stringify(join(root, name, 'index.js'))});
      const context = { environment: JSON.stringify(${JSON.stringify(openid ? { WX_OPENID: openid } : {})}) };
      fn.main(${JSON.stringify(event)}, context).then((r) => process.stdout.write(JSON.stringify(r)));
    `;
    const out = execFileSync(process.execPath, ['-e', script], {
      env: { ...process.env, LIANLUO_STORE: 'sqlite', LIANLUO_DATA_DIR: dataDir, NODE_PATH: resolve('node_modules') },
      encoding: 'utf8',
    });
    return JSON.parse(out) as { ok: boolean; data?: any; error?: { code: string } };
  };

  test('stations.list answers the seeded stations with sessions', () => {
    const result = run('stations', { action: 'list' });
    expect(result.ok).toBe(true);
    expect(result.data.items).toHaveLength(8);
    expect(result.data.items[0].nextSessions.length).toBe(3);
  });

  test('account.me reads the caller from the context', () => {
    expect(run('account', { action: 'me' }, 'demo-staff').data.role).toBe('staff');
    expect(run('account', { action: 'me' }).error?.code).toBe('UNAUTHENTICATED');
  });
});
