/**
 * The opaque cursor of a newest-first page of opinions, shared by both stores: the
 * (createdAt, id) of the page's last item. Clients pass it back unchanged.
 */
export function encodeCursor(item: { createdAt: number; id: string }): string {
  return Buffer.from(`${item.createdAt}:${item.id}`).toString('base64url');
}

/** The position a cursor names, or null when it is not one of ours (then paging starts over). */
export function decodeCursor(cursor: string): { createdAt: number; id: string } | null {
  const [at, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const createdAt = Number(at);
  const id = rest.join(':');
  return Number.isSafeInteger(createdAt) && id ? { createdAt, id } : null;
}
