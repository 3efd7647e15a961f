/**
 * The loopback names the local server answers to, with any port. The server listens on
 * 127.0.0.1 only, so a request naming anything else reached it through a name that resolves
 * there — a web page using DNS rebinding to drive the demo callers, whose identity is just a
 * header. Those are refused before anything runs.
 */
const LOCAL_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

export function isLocalHost(host: string | undefined): boolean {
  return host !== undefined && LOCAL_HOST.test(host);
}

/**
 * Whether a request's Origin (sent by browsers with every cross-site POST, even a "simple" one
 * that needs no preflight) is a page of this machine. No Origin: not a browser's cross-site
 * request (a script, a same-origin GET). A page elsewhere must not reach the functions at all.
 */
export function isLocalOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    const { protocol, host } = new URL(origin);
    return (protocol === 'http:' || protocol === 'https:') && isLocalHost(host);
  } catch {
    return false;
  }
}

export interface RequestPath {
  /** The path as sent (routes match it). */
  raw: string;
  /** Percent-decoded (static files are looked up by it). */
  decoded: string;
  /** The query, for the one route that reads it (a signed document link). */
  query: URLSearchParams;
}

/**
 * The path of a request target, or null when it is malformed: not a path (an absolute URL,
 * `*`), or percent-encoding that is not valid UTF-8.
 */
export function requestPath(target: string | undefined): RequestPath | null {
  if (!target?.startsWith('/')) return null;
  const [raw = '/', search = ''] = target.split('?');
  try {
    return { raw, decoded: decodeURIComponent(raw), query: new URLSearchParams(search) };
  } catch {
    return null;
  }
}
