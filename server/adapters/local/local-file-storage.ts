import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
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
  };
}
