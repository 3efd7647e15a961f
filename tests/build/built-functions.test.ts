import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { seedDemoData } from '../../server/local/seed';
import { callBuiltFunction } from '../../scripts/deploy-checks/call-built-function';

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
    const context = { environment: JSON.stringify(openid ? { WX_OPENID: openid } : {}) };
    const outcome = callBuiltFunction(join(root, name, 'index.js'), event, context, {
      env: { ...process.env, LIANLUO_STORE: 'sqlite', LIANLUO_DATA_DIR: dataDir, NODE_PATH: resolve('node_modules') },
    });
    if (!outcome.ok) throw new Error(`${name}: ${outcome.error}`);
    return outcome.answer as { ok: boolean; data?: any; error?: { code: string } };
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

describe('the office documents are bundled only where they are written', () => {
  // docx writes word/document.xml and exceljs xl/workbook.xml into what they make; the names are
  // in their code, whatever minification renames. Only `reports` names the documents edge
  // (server/runtime/document-edges.ts): every other function is about half the size without them.
  const names = readdirSync(root).filter((name) => existsSync(join(root, name, 'index.js')));

  test.each(names)('%s', (name) => {
    const js = readFileSync(join(root, name, 'index.js'), 'utf8');
    const writes = name === 'reports';
    expect(js.includes('word/document.xml')).toBe(writes);
    expect(js.includes('xl/workbook.xml')).toBe(writes);
  });
});
