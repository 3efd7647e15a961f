import type { ErrorCode } from './errors';

/** What every function returns: data, or an error with a Chinese message. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

export function success<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

export function failure(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}
