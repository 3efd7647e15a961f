import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { type DependencyList, startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

/** What a page shows of the data it loads: still loading, the error to retry, or the data. */
export type Loaded<T> = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: T };

export interface LoadedOptions {
  /** Load again each time the page is shown again: back from a page where something may have changed. */
  onShow?: boolean;
  /** Load again when the voter pulls the page down (its config must set `enablePullDownRefresh`). */
  pullDown?: boolean;
}

/** A failed call's own Chinese message; anything else is not for the user's eyes. */
const messageOf = (error: unknown) => (error instanceof ApiError ? error.message : '加载失败，请重试');

/**
 * The data a page loads, as one state: `loading` until the first answer, then `ready` with the
 * data or `error` with a message and `reload` to retry. The rules every page keeps:
 *
 * - Only the latest request counts: an older answer arriving late never replaces a newer one, nor
 *   the data an action answered with (`set`).
 * - When `deps` change the page loads something else, so it shows `loading` again; `reload` of the
 *   same thing (a retry, the page shown again, a pull-down) keeps what is on screen until the new
 *   answer arrives, except an error, which gives way to `loading`.
 * - With `onShow`, the page's first show loads it and every later show reloads it.
 *
 * `load` may read the page's current state: the one of the latest render is the one called.
 */
export function useLoaded<T>(load: () => Promise<T>, deps: DependencyList, options: LoadedOptions = {}) {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  const { onShow = false, pullDown = false } = options;

  const run = useCallback(async (fresh: boolean) => {
    const request = ++latest.current;
    setState((shown) => (fresh || shown.kind === 'error' ? { kind: 'loading' } : shown));
    try {
      const data = await loader.current();
      // Drawing a page of data (a list of stations, a case with its timeline) is the longest work
      // of a screen: as a transition React draws it in slices, so a tap is never kept waiting.
      if (request === latest.current) startTransition(() => setState({ kind: 'ready', data }));
    } catch (error) {
      if (request === latest.current) setState({ kind: 'error', message: messageOf(error) });
    }
  }, []);

  // On a page loaded on show, the first show does the first load: the effect only follows `deps`.
  const mounted = useRef(false);
  useEffect(() => {
    const first = !mounted.current;
    mounted.current = true;
    if (first && onShow) return;
    void run(true);
    // `deps` are the caller's: they say when `load` loads something else.
  }, deps); // eslint-disable-line react-hooks/exhaustive-deps

  useDidShow(() => {
    if (onShow) void run(false);
  });
  usePullDownRefresh(() => {
    if (pullDown) void run(false).finally(() => Taro.stopPullDownRefresh());
  });

  const reload = useCallback(() => run(false), [run]);

  /** Shows an action's answer (or a change of the data shown) as the latest: a load still on its way is dropped. */
  const set = useCallback((next: T | ((data: T) => T)) => {
    latest.current++;
    setState((shown) => {
      if (typeof next !== 'function') return { kind: 'ready', data: next };
      return shown.kind === 'ready' ? { kind: 'ready', data: (next as (data: T) => T)(shown.data) } : shown;
    });
  }, []);

  return { state, reload, set };
}
