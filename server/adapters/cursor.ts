import { isLocalDate, type LocalDate } from '../../src/domain/dates';

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

/** The opaque cursor of a latest-date-first page (履职活动): the (date, id) of the page's last item. */
export function encodeDateCursor(item: { date: LocalDate; id: string }): string {
  return Buffer.from(`${item.date}:${item.id}`).toString('base64url');
}

/** The position a date cursor names, or null when it is not one of ours (then paging starts over). */
export function decodeDateCursor(cursor: string): { date: LocalDate; id: string } | null {
  const [date = '', ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const id = rest.join(':');
  return isLocalDate(date) && id ? { date, id } : null;
}
