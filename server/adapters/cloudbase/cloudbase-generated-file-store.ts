import { createHash } from 'node:crypto';
import type { GeneratedFile, GeneratedFileStore } from '../../ports/generated-file-store';
import { strip, writeAudit } from './documents';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's query builder is untyped */
type Db = any;
type Tx = any;

// A cloud file id holds '/' and ':', which a document id may not: the document is named by its hash.
const docId = (fileId: string) => createHash('sha256').update(fileId).digest('hex').slice(0, 40);

/** The register of generated files on CloudBase (collection generated_files, index expiresAt). */
export function createCloudbaseGeneratedFileStore(db: Db): GeneratedFileStore {
  const _ = db.command;
  return {
    recordGeneratedFile: async (file, audit) => {
      await db.runTransaction(async (tx: Tx) => {
        await tx
          .collection('generated_files')
          .doc(docId(file.fileId))
          .set({ ...file });
        await writeAudit(tx, audit);
      });
    },
    getGeneratedFile: async (fileId) => {
      const res = await db
        .collection('generated_files')
        .where({ _id: docId(fileId) })
        .limit(1)
        .get();
      const doc = (res.data as Array<Record<string, unknown>> | undefined)?.[0];
      return doc ? strip<GeneratedFile>(doc) : null;
    },
    listExpiredFiles: async (now, limit) => {
      const res = await db
        .collection('generated_files')
        .where({ expiresAt: _.lte(now) })
        .orderBy('expiresAt', 'asc')
        .limit(limit)
        .get();
      return ((res.data ?? []) as object[]).map((doc) => strip<GeneratedFile>(doc as Record<string, unknown>));
    },
    forgetGeneratedFiles: async (fileIds, audit) => {
      await db.runTransaction(async (tx: Tx) => {
        for (const fileId of fileIds) await tx.collection('generated_files').doc(docId(fileId)).remove();
        await writeAudit(tx, audit);
      });
    },
  };
}
