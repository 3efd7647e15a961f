import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Envelope } from '../../src/domain/envelope';
import type { ErrorCode } from '../../src/domain/errors';
import { createLocalFileStore } from './file-store';

export type CloudFunctionMain = (event: unknown, context: unknown) => Promise<Envelope<unknown>>;

export interface LocalServerOptions {
  functions: Record<string, CloudFunctionMain>;
  /** The H5 build to serve at /, if any. */
  staticDir?: string;
  /** Where uploaded photos are kept (POST /files, GET /files/<name>), if anywhere. */
  filesDir?: string;
}

const MAX_BODY_BYTES = 1024 * 1024;
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CONTENT_REJECTED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

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

function send(res: ServerResponse, envelope: Envelope<unknown>): void {
  const status = envelope.ok ? 200 : STATUS[envelope.error.code];
  const body = JSON.stringify(envelope);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

const invalid = (message: string): Envelope<never> => ({ ok: false, error: { code: 'INVALID_INPUT', message } });

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolvePromise(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The cloud context a function would get in CloudBase, with the caller taken from the
 * X-Dev-Openid header. This is the one place where local mode differs: the function code
 * reads it through the same getCloudbaseContext call as in production.
 */
function localContext(req: IncomingMessage, functionName: string): unknown {
  const header = req.headers['x-dev-openid'];
  const openid = typeof header === 'string' && OPENID_PATTERN.test(header) ? header : undefined;
  return {
    function_name: functionName,
    request_id: `local-${Date.now().toString(36)}`,
    environment: JSON.stringify({ TRIGGER_SRC: 'http', ...(openid ? { WX_OPENID: openid } : {}) }),
  };
}

async function handleApi(req: IncomingMessage, res: ServerResponse, name: string, options: LocalServerOptions) {
  const main = Object.prototype.hasOwnProperty.call(options.functions, name) ? options.functions[name] : undefined;
  if (!main) {
    send(res, { ok: false, error: { code: 'NOT_FOUND', message: '没有这个云函数' } });
    return;
  }
  if (req.method !== 'POST') {
    send(res, invalid('请使用 POST 调用云函数'));
    return;
  }
  const body = await readBody(req);
  if (body === null) {
    send(res, invalid('请求内容过大'));
    return;
  }
  let event: unknown;
  try {
    event = JSON.parse(body || 'null');
  } catch {
    send(res, invalid('请求内容不是有效的 JSON'));
    return;
  }
  send(res, await main(event, localContext(req, name)));
}

function serveStatic(req: IncomingMessage, res: ServerResponse, root: string): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const requested = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
  let file = resolve(root, requested);
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  // Browser-mode routes (/pages/...) have no file of their own: they load the app shell.
  if (!existsSync(file) || !statSync(file).isFile()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('H5 应用尚未构建：请运行 npm run build:h5');
    return;
  }
  const isShell = file.endsWith('index.html');
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'cache-control': isShell ? 'no-cache' : 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
  });
  createReadStream(file).pipe(res);
}

/** The local stand-in for CloudBase: POST /api/<function> runs the function, GET serves the H5 app. */
export function createLocalServer(options: LocalServerOptions): Server {
  const root = options.staticDir ? resolve(options.staticDir) : undefined;
  const files = options.filesDir ? createLocalFileStore(options.filesDir) : undefined;
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (files && path === '/files' && req.method === 'POST') {
      files.upload(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    if (files && path.startsWith('/files/')) {
      files.serve(path.slice('/files/'.length), res);
      return;
    }
    const api = /^\/api\/([A-Za-z0-9_-]+)\/?$/.exec(path);
    if (api?.[1]) {
      handleApi(req, res, api[1], options).catch((error: unknown) => {
        console.error('[local-server] request failed', error);
        if (!res.headersSent) send(res, { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } });
      });
      return;
    }
    if (path.startsWith('/api/')) {
      send(res, { ok: false, error: { code: 'NOT_FOUND', message: '没有这个云函数' } });
      return;
    }
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (!root || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404).end();
      return;
    }
    serveStatic(req, res, root);
  });
}
