import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { seedDemoData } from '../../server/local/seed';
import { systemClock } from '../../server/runtime/runtime';
import { benchOpinion, BENCH_VOTERS, overTenYears } from './bench-opinions';

/** Opinions written per transaction while filling: one commit per chunk, not per opinion. */
const CHUNK = 20_000;
/** SQLite's page cache while filling, in KiB (negative: a size, not a page count). */
const FILL_CACHE_KIB = -512 * 1024;

interface VolumeMeta {
  /** The instant the generated opinions count back from (overTenYears). */
  now: number;
  /** How many generated opinions the store holds. */
  count: number;
}

/**
 * The SQLite store the latency and throughput sections measure, kept on disk in `dir` so that
 * each section (a process of its own) opens it where the previous one left it: the demo street,
 * then generated opinions grown from 10k to 100k to 1M rather than filled again for each volume,
 * all of them in the same ten years (overTenYears).
 * Every opinion goes through the store's own createOpinion — the same statements, indexes and
 * anything else a submit writes with it — in transactions of CHUNK opinions.
 */
export async function openVolumeStore(dir: string) {
  mkdirSync(dir, { recursive: true });
  const metaFile = join(dir, 'volume.json');
  const meta: VolumeMeta = existsSync(metaFile)
    ? (JSON.parse(readFileSync(metaFile, 'utf8')) as VolumeMeta)
    : { now: Date.now(), count: 0 };
  // As the local server opens it (createLocalRuntime).
  const store = createSqliteStore(join(dir, 'bench.sqlite'), { checkpointInBackground: true });
  await seedDemoData(store, systemClock);

  const fillChunk = store.db.transaction((from: number, to: number) => {
    const pending: Array<Promise<unknown>> = [];
    for (let i = from; i < to; i += 1) {
      pending.push(store.createOpinion(benchOpinion(i, meta.now, BENCH_VOTERS, overTenYears), [], []));
    }
    return pending;
  });

  return {
    store,
    now: meta.now,
    count: () => meta.count,
    /**
     * Add generated opinions until the store holds `target`; answers the seconds it took.
     * `progress` is told after each chunk.
     */
    async growTo(target: number, progress: (count: number) => void = () => undefined): Promise<number> {
      const start = process.hrtime.bigint();
      // The indexes of a million opinions do not fit the store's page cache: while filling, a
      // larger one spares re-reading index pages for every row; both settings are put back
      // afterwards, so that what is measured runs with the store's own.
      const cacheSize = store.db.pragma('cache_size', { simple: true }) as number;
      const tempStore = store.db.pragma('temp_store', { simple: true }) as number;
      store.db.pragma(`cache_size = ${FILL_CACHE_KIB}`);
      store.db.pragma('temp_store = MEMORY');
      while (meta.count < target) {
        const to = Math.min(target, meta.count + CHUNK);
        // The store's createOpinion does its writing before its first await, inside this transaction.
        await Promise.all(fillChunk(meta.count, to));
        meta.count = to;
        writeFileSync(metaFile, JSON.stringify(meta));
        progress(meta.count);
      }
      store.db.pragma(`cache_size = ${cacheSize}`);
      store.db.pragma(`temp_store = ${tempStore}`);
      // A server is never handed hundreds of thousands of opinions in two minutes: the log they
      // left is copied into the file now, so that what is measured next is not the checkpointer
      // catching up with the filling.
      store.db.pragma('wal_checkpoint(TRUNCATE)');
      return Number(process.hrtime.bigint() - start) / 1e9;
    },
    close: () => store.close(),
  };
}

export type VolumeStore = Awaited<ReturnType<typeof openVolumeStore>>;
