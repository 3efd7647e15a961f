import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { failure, type Envelope } from '../../src/domain/envelope';
import type { ErrorCode } from '../../src/domain/errors';

/** The HTTP status of each error code: the status mirrors the envelope (docs/API.md). */
export const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CONTENT_REJECTED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

function writeEnvelopeHead(res: ServerResponse, envelope: Envelope<unknown>): string {
  const body = JSON.stringify(envelope);
  res.writeHead(envelope.ok ? 200 : STATUS[envelope.error.code], {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  return body;
}

/** Answers an envelope as JSON, with the status its code mirrors. */
export function send(res: ServerResponse, envelope: Envelope<unknown>): void {
  res.end(writeEnvelopeHead(res, envelope));
}

/**
 * Answers an envelope to a request whose body is still arriving (refused as too large): the
 * whole answer is written at once, but the response ends only when the body has been read
 * to its end (or the client has gone). Ending it earlier would close a connection the client
 * asked to close while its upload is still coming in, and the client would get a reset
 * instead of the answer.
 */
export function sendBeforeBodyEnds(req: IncomingMessage, res: ServerResponse, envelope: Envelope<unknown>): void {
  const body = writeEnvelopeHead(res, envelope);
  if (req.complete) {
    res.end(body);
    return;
  }
  res.write(body);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    res.end();
  };
  req.once('end', end);
  req.once('close', end);
}

/** Answers a short plain-text page: what a browser shows for a refused page. */
export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

/**
 * A refusal in the form the caller reads: the error envelope on /api/ paths (the app's
 * client parses it), a plain page anywhere else.
 */
export function refuse(res: ServerResponse, api: boolean, code: ErrorCode, message: string): void {
  if (api) send(res, failure(code, message));
  else sendText(res, STATUS[code], message);
}

/**
 * The same envelope as raw bytes, for a socket that has no response object (the HTTP parser
 * refused the request); the connection is closed after it.
 */
export function rawEnvelope(status: number, envelope: Envelope<unknown>): string {
  const body = JSON.stringify(envelope);
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
