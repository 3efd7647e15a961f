import type { LocalApi } from '../support/opinion-calls';

/** One action's daily limit as the write-limit tests exercise it (write-limits-over-http.test.ts). */
export interface LimitCase {
  action: string;
  perDay: number;
  message: string;
  who: string;
  /** Run on the day before: what the call over the limit needs (an opinion, a round …). */
  setup?: (api: LocalApi) => Promise<object>;
  /** The i-th of the day's calls up to the limit, and the answer it gets (its error code, or ok). */
  fill: (i: number, state: Record<string, unknown>) => Record<string, unknown>;
  fills: 'ok' | string;
  /** A call that would write: over the limit it is refused; the next day it goes through. */
  over: (state: Record<string, unknown>) => Record<string, unknown>;
  /** Run on the day after, before that call: what it needs afresh (a generated file lives an hour). */
  renew?: (api: LocalApi) => Promise<object>;
}

/** An id that names nothing: a call with it passes the schema, counts, and finds nothing. */
export const GONE = 'no-such-thing';
