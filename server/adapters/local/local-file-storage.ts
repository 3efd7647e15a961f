import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileStorage } from '../../ports/documents';

/**
 * Generated documents on the local server: written next to uploaded photos and served at
 * /files/<name> (a random suffix keeps names unguessable, as a temporary cloud URL is).
 */
export function createLocalFileStorage(dir: string): FileStorage {
  return {
    save: async (name, bytes) => {
      mkdirSync(dir, { recursive: true });
      const [base, ext] = [name.replace(/\.[a-z]+$/, ''), name.split('.').pop() ?? 'bin'];
      const stored = `${base}-${randomBytes(8).toString('hex')}.${ext}`;
      writeFileSync(join(dir, stored), bytes);
      return { fileId: `local-files/${stored}`, url: `/files/${stored}` };
    },
    remove: async (fileIds) => {
      for (const fileId of fileIds) {
        const stored = fileId.startsWith('local-files/') ? fileId.slice('local-files/'.length) : '';
        // Only a generated document's own name: never a path out of the folder, never a photo.
        if (/^[a-z0-9-]{1,80}-[a-f0-9]{16}\.(docx|xlsx)$/.test(stored)) rmSync(join(dir, stored), { force: true });
      }
    },
  };
}
