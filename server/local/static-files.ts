import { createReadStream, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { sendText } from './replies';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Text shrinks to a third or less; images and woff2 are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.ttf']);
/** Below this a compressed answer saves less than its own headers cost. */
const MIN_COMPRESS_BYTES = 1024;
/** What the compressed copies may hold in memory; past it the cache starts afresh. */
const CACHE_BUDGET_BYTES = 64 * 1024 * 1024;

type Encoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
/**
 * Brotli at quality 5: within about a tenth of its best size, at a few tens of milliseconds for
 * the largest chunk, so the first visitor of a fresh build does not wait for the compression.
 */
const COMPRESS: Record<Encoding, (data: Buffer) => Promise<Buffer>> = {
  br: (data) =>
    brotli(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }),
  gzip: (data) => gzipped(data),
};

/** The best encoding the client accepts (Accept-Encoding, a q of 0 refusing it), or none. */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): Encoding | undefined {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const accepted = new Set<string>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

async function fileAt(path: string): Promise<Stats | undefined> {
  try {
    const stats = await stat(path);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The H5 build under `root`, as the browser-mode app needs it: a file when one is asked for, the
 * app shell (index.html, never cached) for every route, hashed assets cached for a year. Text is
 * sent brotli- or gzip-compressed when the browser accepts it (it is most of what a first visit
 * downloads); each file is compressed once, and again only when a rebuild changed it.
 */
export function createStaticFiles(root: string) {
  const compressed = new Map<string, Promise<Buffer>>();
  let cachedBytes = 0;

  function compressedCopy(file: string, stats: Stats, encoding: Encoding): Promise<Buffer> {
    const key = `${encoding} ${stats.size} ${stats.mtimeMs} ${file}`;
    const known = compressed.get(key);
    if (known) return known;
    if (cachedBytes > CACHE_BUDGET_BYTES) {
      compressed.clear();
      cachedBytes = 0;
    }
    const made = readFile(file).then((data) => COMPRESS[encoding](data));
    compressed.set(key, made);
    made.then(
      (data) => {
        cachedBytes += data.length;
      },
      // A file that could not be read (removed by a rebuild meanwhile) is tried afresh next time.
      () => compressed.delete(key),
    );
    return made;
  }

  async function serve(req: IncomingMessage, res: ServerResponse, decodedPath: string): Promise<void> {
    const requested = normalize(decodedPath).replace(/^([/\\])+/, '');
    let file = resolve(root, requested);
    if (file !== root && !file.startsWith(root + sep)) {
      sendText(res, 403, '不能访问这个路径');
      return;
    }
    // Browser-mode routes (/pages/...) have no file of their own: they load the app shell.
    let stats = await fileAt(file);
    if (!stats) {
      file = join(root, 'index.html');
      stats = await fileAt(file);
    }
    if (!stats) {
      sendText(res, 404, 'H5 应用尚未构建：请运行 npm run build:h5');
      return;
    }
    const ext = extname(file);
    const compressible = COMPRESSIBLE.has(ext);
    const headers: Record<string, string | number> = {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      // Caches keep one copy per encoding of whatever may be sent compressed.
      ...(compressible ? { vary: 'accept-encoding' } : {}),
    };
    const encoding =
      compressible && stats.size >= MIN_COMPRESS_BYTES ? chooseEncoding(req.headers['accept-encoding']) : undefined;
    if (encoding) {
      const body = await compressedCopy(file, stats, encoding).catch(() => undefined);
      if (body) {
        res.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': body.length });
        res.end(body);
        return;
      }
    }
    res.writeHead(200, headers);
    // A file that cannot be read after all (removed by a rebuild meanwhile) cuts this answer short.
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  return { serve };
}
