import { connect, type Socket } from 'node:net';

/** One answer read off the wire; `status` is null when the server closed without answering. */
export interface RawResponse {
  status: number | null;
  headers: Record<string, string>;
  body: string;
}

/** The envelope in a raw answer's body, or null when the body is not JSON. */
export function envelopeOf(response: RawResponse): { ok: boolean; error?: { code: string; message: string } } | null {
  try {
    return JSON.parse(response.body) as { ok: boolean; error?: { code: string; message: string } };
  } catch {
    return null;
  }
}

function decodeChunked(data: Buffer): { body: Buffer; used: number } | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    const start = lineEnd + 2;
    if (size === 0) {
      const end = data.indexOf('\r\n', start);
      return end < 0 ? null : { body: Buffer.concat(parts), used: end + 2 };
    }
    if (data.length < start + size + 2) return null;
    parts.push(data.subarray(start, start + size));
    at = start + size + 2;
  }
}

/**
 * A TCP connection to the server that sends bytes exactly as given (nothing checks or fixes
 * them) and reads the answers back one by one: by content-length, chunked, or up to the close.
 */
export function rawConnection(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  let buffer = Buffer.alloc(0);
  let closed = false;
  let wake: () => void = () => undefined;
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    wake();
  });
  socket.on('close', () => {
    closed = true;
    wake();
  });
  socket.on('error', () => undefined);
  const connected = new Promise<void>((resolve) => {
    socket.once('connect', () => resolve());
    socket.once('close', () => resolve());
  });

  function take(): RawResponse | null {
    const headEnd = buffer.indexOf('\r\n\r\n');
    if (headEnd < 0) return closed ? { status: null, headers: {}, body: buffer.toString('utf8') } : null;
    const [statusLine = '', ...lines] = buffer.subarray(0, headEnd).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
    const rest = buffer.subarray(headEnd + 4);
    let body: Buffer;
    let used: number;
    if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      if (rest.length < length) return closed ? { status, headers, body: rest.toString('utf8') } : null;
      body = rest.subarray(0, length);
      used = length;
    } else if (headers['transfer-encoding'] === 'chunked') {
      const decoded = decodeChunked(rest);
      if (!decoded) return closed ? { status, headers, body: rest.toString('utf8') } : null;
      ({ body, used } = decoded);
    } else {
      if (!closed) return null;
      body = rest;
      used = rest.length;
    }
    buffer = rest.subarray(used);
    return { status: Number.isNaN(status) ? null : status, headers, body: body.toString('utf8') };
  }

  return {
    /** Writes bytes as they are; `end` also closes the sending side. */
    async send(data: string | Buffer, end = false): Promise<void> {
      await connected;
      if (closed) return;
      await new Promise<void>((resolve) => {
        if (end) socket.end(data, () => resolve());
        else socket.write(data, () => resolve());
      });
    },
    /** The next whole answer, or what came before the close. */
    next(): Promise<RawResponse> {
      return new Promise((resolve) => {
        const attempt = () => {
          const response = take();
          if (response) {
            wake = () => undefined;
            resolve(response);
          }
        };
        wake = attempt;
        attempt();
      });
    },
    /** Resolves once the server has closed the connection. */
    closed(): Promise<void> {
      return new Promise((resolve) => {
        if (closed) resolve();
        else socket.once('close', () => resolve());
      });
    },
    close(): void {
      socket.destroy();
    },
  };
}

/** Sends one request as raw bytes on a fresh connection and reads its answer. */
export async function rawRequest(port: number, request: string | Buffer): Promise<RawResponse> {
  const connection = rawConnection(port);
  try {
    await connection.send(request);
    return await connection.next();
  } finally {
    connection.close();
  }
}

/** A request head with CRLFs, from its request line and header lines. */
export function head(requestLine: string, ...headerLines: string[]): string {
  return [requestLine, ...headerLines, '', ''].join('\r\n');
}
