import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { failure, type Envelope } from '../../src/domain/envelope';
import { answerClientErrors } from './client-errors';
import { nodeIds } from '../adapters/node-ids';
import { createLocalFileStore } from './file-store';
import { readBody } from './read-body';
import { createStaticFiles } from './static-files';
import { refuse, send, sendBeforeBodyEnds, sendText } from './replies';
import { isLocalHost, isLocalOrigin, requestPath } from './request-target';

export type CloudFunctionMain = (event: unknown, context: unknown) => Promise<Envelope<unknown>>;

export interface LocalServerOptions {
  functions: Record<string, CloudFunctionMain>;
  /** The H5 build to serve at /, if any. */
  staticDir?: string;
  /** Where uploaded photos are kept (POST /files, GET /files/<name>), if anywhere. */
  filesDir?: string;
  /** How long a request may take to arrive whole, headers and body (default 30 s). */
  requestTimeoutMs?: number;
}

const MAX_BODY_BYTES = 1024 * 1024;
/** Generous for a 5 MB photo from this machine; a client that stalls longer is cut off (408). */
const REQUEST_TIMEOUT_MS = 30_000;
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const NO_FUNCTION = failure('NOT_FOUND', '没有这个云函数');
const BUSY = '系统繁忙，请稍后再试';

/** The demo caller a request speaks for (X-Dev-Openid), if a valid one. */
function callerOf(req: IncomingMessage): string | undefined {
  const header = req.headers['x-dev-openid'];
  return typeof header === 'string' && OPENID_PATTERN.test(header) ? header : undefined;
}

/**
 * The cloud context a function would get in CloudBase, with the caller taken from the
 * X-Dev-Openid header. This is the one place where local mode differs: the function code
 * reads it through the same getCloudbaseContext call as in production.
 */
function localContext(req: IncomingMessage, functionName: string): unknown {
  const openid = callerOf(req);
  return {
    function_name: functionName,
    request_id: `local-${Date.now().toString(36)}`,
    environment: JSON.stringify({ TRIGGER_SRC: 'http', ...(openid ? { WX_OPENID: openid } : {}) }),
  };
}

async function handleApi(req: IncomingMessage, res: ServerResponse, name: string, options: LocalServerOptions) {
  const main = Object.prototype.hasOwnProperty.call(options.functions, name) ? options.functions[name] : undefined;
  if (!main) {
    send(res, NO_FUNCTION);
    return;
  }
  if (req.method !== 'POST') {
    send(res, failure('INVALID_INPUT', '请使用 POST 调用云函数'));
    return;
  }
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body.kind === 'aborted') return;
  if (body.kind === 'too-large') {
    sendBeforeBodyEnds(req, res, failure('INVALID_INPUT', '请求内容超过 1 MB'));
    return;
  }
  let event: unknown;
  try {
    event = JSON.parse(body.body.toString('utf8') || 'null');
  } catch {
    send(res, failure('INVALID_INPUT', '请求内容不是有效的 JSON'));
    return;
  }
  send(res, await main(event, localContext(req, name)));
}

interface Routes {
  options: LocalServerOptions;
  site: ReturnType<typeof createStaticFiles> | undefined;
  files: ReturnType<typeof createLocalFileStore> | undefined;
}

async function route(req: IncomingMessage, res: ServerResponse, { options, site, files }: Routes): Promise<void> {
  const api = (req.url ?? '').startsWith('/api/');
  // Before anything runs: a page that reached this server under another name (DNS rebinding)
  // must not act as the demo callers, whose identity is just a header.
  if (!isLocalHost(req.headers.host)) {
    refuse(res, api, 'FORBIDDEN', '只接受本机地址（127.0.0.1 或 localhost）的访问');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD' && !isLocalOrigin(req.headers.origin)) {
    refuse(res, api, 'FORBIDDEN', '只接受本机页面发出的请求');
    return;
  }
  const target = requestPath(req.url);
  if (!target) {
    refuse(res, api, 'INVALID_INPUT', '网址格式不正确');
    return;
  }
  const path = target.raw;
  if (files && path === '/files' && req.method === 'POST') {
    // As wx.cloud.uploadFile runs as its caller: the photo goes to the caller's own folder.
    const caller = callerOf(req);
    await files.upload(req, res, caller ? nodeIds.photoFolder(caller) : undefined);
    return;
  }
  if (files && path.startsWith('/files/')) {
    files.serve(path.slice('/files/'.length), target.query, res);
    return;
  }
  const fn = /^\/api\/([A-Za-z0-9_-]+)\/?$/.exec(path)?.[1];
  if (fn) {
    await handleApi(req, res, fn, options);
    return;
  }
  if (api) {
    send(res, NO_FUNCTION);
    return;
  }
  if (path === '/healthz') {
    sendText(res, 200, 'ok');
    return;
  }
  if (!site || (req.method !== 'GET' && req.method !== 'HEAD')) {
    sendText(res, 404, '没有这个页面');
    return;
  }
  await site.serve(req, res, target.decoded);
}

/** A request that failed inside: logged, answered 500 if nothing was sent yet, never rethrown. */
function failed(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  console.error('[local-server] request failed', error);
  try {
    if (res.headersSent) res.destroy();
    else refuse(res, (req.url ?? '').startsWith('/api/'), 'INTERNAL', BUSY);
  } catch {
    res.destroy();
  }
}

/**
 * The local stand-in for CloudBase: POST /api/<function> runs the function, GET serves the H5
 * app. Only loopback names are served; each request is handled in its own promise, so nothing
 * a client sends can stop the process.
 */
export function createLocalServer(options: LocalServerOptions): Server {
  const routes: Routes = {
    options,
    site: options.staticDir ? createStaticFiles(resolve(options.staticDir)) : undefined,
    files: options.filesDir ? createLocalFileStore(options.filesDir) : undefined,
  };
  const timeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const responses = new WeakMap<object, ServerResponse>();
  const server = createServer(
    {
      requestTimeout: timeout,
      headersTimeout: timeout,
      // How often the timeouts are checked (Node's default, 30 s, would double a 30 s timeout).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(timeout / 4))),
    },
    (req, res) => {
      responses.set(req.socket, res);
      route(req, res, routes).catch((error: unknown) => failed(req, res, error));
    },
  );
  answerClientErrors(server, responses);
  return server;
}
