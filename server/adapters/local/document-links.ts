import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Links to generated documents on the local server, as CloudBase's temporary links are: the
 * path, an expiry and a signature over both. The key is made when the process starts, so a link
 * outlives neither its expiry nor the server that signed it.
 */
const KEY = randomBytes(32);

/** A generated document's stored name: never a path, never a photo. */
export const DOCUMENT_NAME = /^[a-z0-9-]{1,80}-[a-f0-9]{16}\.(docx|xlsx)$/;

const signature = (name: string, expires: number) =>
  createHmac('sha256', KEY).update(`${name}\u0000${expires}`).digest('hex');

/** `/files/<name>?expires=<ms>&sig=<hex>`: good until `expires`. */
export function signedDocumentLink(name: string, expires: number): string {
  return `/files/${name}?expires=${expires}&sig=${signature(name, expires)}`;
}

/** Whether a request's query carries a signature of this name that has not yet expired. */
export function isValidDocumentLink(name: string, query: URLSearchParams, now: number): boolean {
  const expires = Number(query.get('expires'));
  const given = Buffer.from(query.get('sig') ?? '', 'hex');
  const expected = Buffer.from(signature(name, expires), 'hex');
  return (
    Number.isSafeInteger(expires) &&
    expires > now &&
    given.length === expected.length &&
    timingSafeEqual(given, expected)
  );
}
