import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileStorage } from '../../ports/documents';
import { DOCUMENT_NAME, signedDocumentLink } from './document-links';

const LOCAL = 'local-files/';

/**
 * Generated documents on the local server: written next to uploaded photos, served at
 * /files/<name> only through a signed link that expires (document-links.ts), and deleted when
 * their time is up. A random suffix keeps names unguessable.
 */
export function createLocalFileStorage(dir: string, now: () => number = Date.now): FileStorage {
  const nameOf = (fileId: string) => {
    const name = fileId.startsWith(LOCAL) ? fileId.slice(LOCAL.length) : '';
    return DOCUMENT_NAME.test(name) ? name : null;
  };
  return {
    save: async (name, bytes) => {
      mkdirSync(dir, { recursive: true });
      const [base, ext] = [name.replace(/\.[a-z]+$/, ''), name.split('.').pop() ?? 'bin'];
      const stored = `${base}-${randomBytes(8).toString('hex')}.${ext}`;
      writeFileSync(join(dir, stored), bytes);
      return { fileId: `${LOCAL}${stored}` };
    },
    link: async (fileId, seconds) => {
      const name = nameOf(fileId);
      if (!name) throw new Error(`not a generated document: ${fileId}`);
      return signedDocumentLink(name, now() + seconds * 1000);
    },
    remove: async (fileIds) => {
      for (const fileId of fileIds) {
        // Only a generated document's own name: never a path out of the folder, never a photo.
        const name = nameOf(fileId);
        if (name) rmSync(join(dir, name), { force: true });
      }
    },
  };
}
