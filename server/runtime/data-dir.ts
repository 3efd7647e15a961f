import { join, resolve } from 'node:path';

/** Where the local store lives: LIANLUO_DATA_DIR, else .data/ in the working directory. */
export function dataDir(): string {
  return resolve(process.env.LIANLUO_DATA_DIR ?? '.data');
}

export function dataFile(): string {
  return join(dataDir(), 'lianluo.sqlite');
}
