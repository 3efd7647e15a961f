import type { Server, ServerResponse } from 'node:http';
import { failure } from '../../src/domain/envelope';
import { rawEnvelope } from './replies';

/** What the HTTP parser or the request timeout refused, as status and Chinese message. */
const REFUSALS: Record<string, [number, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, '请求超时：内容没有及时传完，请重试'],
  HPE_HEADER_OVERFLOW: [431, '请求头过大'],
};
const MALFORMED: [number, string] = [400, '请求格式不正确'];

/**
 * Answers what never becomes a request — bytes the HTTP parser refuses, headers over its
 * limit, a request not received within the timeout — in the error envelope, then closes the
 * connection. `responses` holds each connection's latest response: when part of an answer
 * is already on the wire (an answer sent early to an oversized body still arriving), another
 * would be read as its continuation, so the connection is only closed.
 */
export function answerClientErrors(server: Server, responses: WeakMap<object, ServerResponse>): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    try {
      const current = responses.get(socket);
      const answering = current?.headersSent === true && !(current.writableFinished && current.req.complete);
      if (socket.writable && !answering && error.code !== 'ECONNRESET') {
        const [status, message] = REFUSALS[error.code ?? ''] ?? MALFORMED;
        socket.write(rawEnvelope(status, failure('INVALID_INPUT', message)));
      }
    } finally {
      socket.destroy();
    }
  });
}
