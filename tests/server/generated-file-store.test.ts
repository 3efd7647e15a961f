import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryDatabase, memoryCloudbaseApp } from '../support/memory-cloudbase';
import { COLLECTION_NAMES } from '../../server/adapters/cloudbase/collections';
import { createCloudbaseStore } from '../../server/adapters/cloudbase/cloudbase-store';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import type { GeneratedFile } from '../../server/ports/generated-file-store';
import type { Store } from '../../server/ports/store';

// The register of generated files, the same on both stores: what the hourly purge reads.
const stores: Array<[string, () => Store]> = [
  ['SQLite', () => createSqliteStore(join(mkdtempSync(join(tmpdir(), 'lianluo-files-')), 'store.sqlite'))],
  [
    'CloudBase (in-memory stand-in)',
    () => createCloudbaseStore(memoryCloudbaseApp(createMemoryDatabase({ collections: COLLECTION_NAMES }))),
  ],
];

const HOUR = 3_600_000;
const file = (n: number, expiresAt: number): GeneratedFile => ({
  fileId: `cloud://env.bucket/reports/${String(n).padStart(16, '0')}/opinions-2026-03-01-2026-03-31.xlsx`,
  kind: 'opinions_export',
  owner: 'o-staff',
  createdAt: expiresAt - HOUR,
  expiresAt,
});
const audit = (at: number, action: string) => ({ at, actor: 'o-staff', action, targetType: 'export', targetId: 'qx' });

describe.each(stores)('the register of generated files on %s', (_, open) => {
  test('lists what has expired by `now`, the earliest first and at most `limit`, and nothing else', async () => {
    const store = open();
    const t = Date.UTC(2026, 2, 1);
    for (const [n, at] of [
      [1, t + 3 * HOUR],
      [2, t + HOUR],
      [3, t + 2 * HOUR],
      [4, t + 9 * HOUR],
    ] as const) {
      await store.recordGeneratedFile(file(n, at), audit(at - HOUR, 'reports.exportOpinions'));
    }
    expect((await store.listExpiredFiles(t + 3 * HOUR, 10)).map((f) => f.fileId)).toEqual(
      [2, 3, 1].map((n) => file(n, 0).fileId),
    );
    expect(await store.listExpiredFiles(t + 3 * HOUR, 2)).toEqual([file(2, t + HOUR), file(3, t + 2 * HOUR)]);
    expect(await store.listExpiredFiles(t, 10)).toEqual([]);
    // Each recording wrote its audit line with it.
    expect(await store.listAudit('export', 'qx')).toHaveLength(4);
    await store.close();
  });

  test('forgets files with one audit line, and forgetting one already gone is no error', async () => {
    const store = open();
    const t = Date.UTC(2026, 2, 1);
    await store.recordGeneratedFile(file(1, t), audit(t - HOUR, 'reports.exportOpinions'));
    await store.recordGeneratedFile(file(2, t), audit(t - HOUR, 'reports.exportOpinions'));
    await store.forgetGeneratedFiles([file(1, t).fileId, file(9, t).fileId], {
      at: t,
      actor: 'system',
      action: 'files.purge',
      targetType: 'generated_files',
      targetId: 'expired',
    });
    expect((await store.listExpiredFiles(t, 10)).map((f) => f.fileId)).toEqual([file(2, t).fileId]);
    expect(await store.listAudit('generated_files', 'expired')).toEqual([
      expect.objectContaining({ action: 'files.purge', actor: 'system' }),
    ]);
    await store.close();
  });
});
