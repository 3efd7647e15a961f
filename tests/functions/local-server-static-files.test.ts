import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createLocalServer } from '../../server/local/http-server';
import { chooseEncoding } from '../../server/local/static-files';

// The local server sends the H5 build compressed when the browser accepts it (a first visit is
// mostly script), and never a copy older than the file on disk.

const SHELL = `<!doctype html><html lang="zh-CN"><title>代表联络站</title>${'<!-- 外壳 -->'.repeat(200)}</html>`;
const script = (version: string) =>
  `/* ${version} */\n${'window.stations = ["青溪街道人大代表联络站"];\n'.repeat(400)}`;

let dir: string;
let server: Server;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lianluo-static-'));
  mkdirSync(join(dir, 'js'));
  mkdirSync(join(dir, 'static'));
  writeFileSync(join(dir, 'index.html'), SHELL);
  writeFileSync(join(dir, 'js', 'app.js'), script('第一版'));
  writeFileSync(join(dir, 'js', 'tiny.js'), 'window.a = 1;');
  writeFileSync(join(dir, 'static', 'tab.png'), Buffer.alloc(4096, 7));
  server = createLocalServer({ functions: {}, staticDir: dir });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}-secret.txt`, { force: true });
});

/** GET as a browser would send it, the body as it came over the wire (not decoded). */
function fetchRaw(
  path: string,
  acceptEncoding?: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    get({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

function decoded(answer: { headers: IncomingHttpHeaders; body: Buffer }): string {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(answer.body).toString('utf8');
  return answer.body.toString('utf8');
}

describe('the H5 build is sent compressed when the browser accepts it', () => {
  test('brotli when accepted: the same script in a fraction of the bytes, cached for a year', async () => {
    const answer = await fetchRaw('/js/app.js', 'gzip, deflate, br');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers.vary).toBe('accept-encoding');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(decoded(answer)).toBe(script('第一版'));
    expect(answer.body.length).toBeLessThan(Buffer.byteLength(script('第一版')) / 3);
  });

  test('gzip when brotli is not accepted (or refused with q=0)', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip;q=0.8']) {
      const answer = await fetchRaw('/js/app.js', accept);
      expect(answer.headers['content-encoding']).toBe('gzip');
      expect(decoded(answer)).toBe(script('第一版'));
    }
  });

  test('as is when nothing is accepted, and for images and files too small to gain', async () => {
    const plain = await fetchRaw('/js/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(script('第一版'));

    const image = await fetchRaw('/static/tab.png', 'br, gzip');
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.headers.vary).toBeUndefined();
    expect(image.body.equals(Buffer.alloc(4096, 7))).toBe(true);

    const tiny = await fetchRaw('/js/tiny.js', 'br, gzip');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString('utf8')).toBe('window.a = 1;');
  });

  test('a route of the app gets the shell, compressed and never cached without asking', async () => {
    const answer = await fetchRaw('/pages/stations/index?from=share', 'br');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(answer.headers['content-encoding']).toBe('br');
    expect(decoded(answer)).toBe(SHELL);
  });

  test('a file rebuilt under the same name is sent as it is now, not as it was compressed before', async () => {
    expect(decoded(await fetchRaw('/js/app.js', 'br'))).toBe(script('第一版'));
    expect(decoded(await fetchRaw('/js/app.js', 'gzip'))).toBe(script('第一版'));
    writeFileSync(join(dir, 'js', 'app.js'), script('第二版，多了几个字'));
    expect(decoded(await fetchRaw('/js/app.js', 'br'))).toBe(script('第二版，多了几个字'));
    expect(decoded(await fetchRaw('/js/app.js', 'gzip'))).toBe(script('第二版，多了几个字'));
  });

  test('many browsers asking at once for a fresh file all get it whole', async () => {
    writeFileSync(join(dir, 'js', 'app.js'), script('第三版'));
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => fetchRaw('/js/app.js', i % 2 ? 'br' : 'gzip')),
    );
    for (const answer of answers) expect(decoded(answer)).toBe(script('第三版'));
  });

  test('nothing outside the build is sent, however the path climbs', async () => {
    writeFileSync(join(dir, '..', `${dir.split('/').pop()}-secret.txt`), '不该被读到的内容'.repeat(100));
    for (const path of [
      `/..%2f${dir.split('/').pop()}-secret.txt`,
      `/js/%2e%2e/%2e%2e/${dir.split('/').pop()}-secret.txt`,
    ]) {
      const answer = await fetchRaw(path, 'br');
      expect(decoded(answer)).not.toContain('不该被读到的内容');
    }
  });
});

describe('which encoding a browser accepts', () => {
  test.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['BR', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.0, gzip;q=0', undefined],
    ['identity', undefined],
    ['', undefined],
  ])('Accept-Encoding "%s" gets %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
  test('no header gets the file as is', () => expect(chooseEncoding(undefined)).toBeUndefined());
});
