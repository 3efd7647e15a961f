import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api/client';
import type { OpinionView } from '../domain/views';

export type OpinionState =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; opinion: OpinionView };

/**
 * One opinion on a page: loaded when the page opens (then `onLoaded` may fetch what the page
 * needs beside it), reloaded on demand, and replaced by the answer of each action run through
 * `run`, which resolves with the action's error message, or null when it succeeded.
 */
export function useOpinion(opinionId: string, onLoaded?: (opinion: OpinionView) => Promise<void>) {
  const [state, setState] = useState<OpinionState>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  // Held in a ref: a new callback on every render must not reload the opinion.
  const afterLoad = useRef(onLoaded);
  afterLoad.current = onLoaded;

  const load = useCallback(async () => {
    try {
      const opinion = await call('opinions.get', { opinionId });
      setState({ kind: 'ready', opinion });
      await afterLoad.current?.(opinion);
    } catch (e) {
      setState({ kind: 'error', message: (e as Error).message });
    }
  }, [opinionId]);

  useEffect(() => {
    void load();
  }, [load]);

  const run = useCallback(async (action: () => Promise<OpinionView>): Promise<string | null> => {
    setBusy(true);
    try {
      setState({ kind: 'ready', opinion: await action() });
      return null;
    } catch (e) {
      return (e as Error).message;
    } finally {
      setBusy(false);
    }
  }, []);

  return { state, busy, load, run };
}
