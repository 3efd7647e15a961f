import { useCallback, useRef, useState } from 'react';
import { ApiError, call } from '../api/client';
import type { OpinionView } from '../domain/views';
import { useLoaded } from './use-loaded';

/**
 * One opinion on a page: loaded when the page opens (with `onLoaded`, what the page needs beside
 * it is fetched before it shows), reloaded on demand, and replaced by the answer of each action
 * run through `run`, which resolves with the action's error message, or null when it succeeded.
 */
export function useOpinion(opinionId: string, onLoaded?: (opinion: OpinionView) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  // Held in a ref: a new callback on every render must not reload the opinion.
  const afterLoad = useRef(onLoaded);
  afterLoad.current = onLoaded;

  const { state, reload, set } = useLoaded(async () => {
    const opinion = await call('opinions.get', { opinionId });
    await afterLoad.current?.(opinion);
    return opinion;
  }, [opinionId]);

  const run = useCallback(
    async (action: () => Promise<OpinionView>): Promise<string | null> => {
      setBusy(true);
      try {
        set(await action());
        return null;
      } catch (e) {
        return e instanceof ApiError ? e.message : '操作失败，请重试';
      } finally {
        setBusy(false);
      }
    },
    [set],
  );

  return { state, busy, reload, run };
}
