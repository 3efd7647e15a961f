import type { IncomingMessage } from 'node:http';

export type BodyResult = { kind: 'complete'; body: Buffer } | { kind: 'too-large' } | { kind: 'aborted' };

/**
 * The request body, up to `limit` bytes. Over the limit (or when Content-Length already says
 * so) it answers `too-large` at once and goes on reading and dropping the rest: the caller
 * replies while the client is still sending, and the client — which would get a reset
 * connection if the socket closed under its upload — reads that reply and can reuse the
 * connection. A body that never ends is cut off by the server's request timeout.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: BodyResult) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        settle({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => settle({ kind: 'complete', body: Buffer.concat(chunks) }));
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () => settle({ kind: 'aborted' }));
    const declared = Number(req.headers['content-length']);
    if (declared > limit) settle({ kind: 'too-large' });
  });
}
