import type { GeneratedFile, GeneratedFileKind, GeneratedFileStore } from '../../ports/generated-file-store';
import type { AuditEntry } from '../../ports/store-types';
import type { SqliteDatabase } from './database';
import { auditWriter } from './rows';

interface GeneratedFileRow {
  file_id: string;
  kind: string;
  owner: string;
  created_at: number;
  expires_at: number;
}

const fromRow = (row: GeneratedFileRow): GeneratedFile => ({
  fileId: row.file_id,
  kind: row.kind as GeneratedFileKind,
  owner: row.owner,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});

/** The register of generated files on SQLite (table generated_files, migration 10). */
export function createSqliteGeneratedFileStore(db: SqliteDatabase): GeneratedFileStore {
  const insert = db.prepare(
    `INSERT INTO generated_files (file_id, kind, owner, created_at, expires_at)
     VALUES (@fileId, @kind, @owner, @createdAt, @expiresAt)`,
  );
  const expired = db.prepare(
    'SELECT * FROM generated_files WHERE expires_at <= ? ORDER BY expires_at, file_id LIMIT ?',
  );
  const get = db.prepare('SELECT * FROM generated_files WHERE file_id = ?');
  const remove = db.prepare('DELETE FROM generated_files WHERE file_id = ?');
  const writeAudit = auditWriter(db);
  const record = db.transaction((file: GeneratedFile, audit: AuditEntry) => {
    insert.run(file);
    writeAudit(audit);
  });
  const forget = db.transaction((fileIds: readonly string[], audit: AuditEntry) => {
    for (const id of fileIds) remove.run(id);
    writeAudit(audit);
  });

  return {
    recordGeneratedFile: async (file, audit) => record(file, audit),
    getGeneratedFile: async (fileId) => {
      const row = get.get(fileId) as GeneratedFileRow | undefined;
      return row ? fromRow(row) : null;
    },
    listExpiredFiles: async (now, limit) => (expired.all(now, limit) as GeneratedFileRow[]).map(fromRow),
    forgetGeneratedFiles: async (fileIds, audit) => forget(fileIds, audit),
  };
}
