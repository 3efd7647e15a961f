import { useEffect, useState } from 'react';
import { call } from '../api/client';
import type { SubscribeTemplateIds } from '../domain/views';
import { askToBeTold } from '../platform/subscribe';

type Moment = keyof SubscribeTemplateIds;

// Which templates this environment asks for changes only with a deploy: read once per launch.
let templates: Promise<SubscribeTemplateIds> | null = null;
function loadTemplates(): Promise<SubscribeTemplateIds> {
  templates ??= call('account.me', {})
    .then((me) => me.subscribe)
    .catch(() => {
      templates = null;
      return {};
    });
  return templates;
}

/**
 * The WeChat subscription templates of a moment (submit, follow, casework, oversight), loaded
 * before any tap, and `ask()` to call first thing in that tap: it shows WeChat's prompt and
 * records what the person accepted (one acceptance allows one message). Where nothing is
 * configured (the local H5 app) `available` is false and `ask()` does nothing.
 */
export function useSubscribe(moment: Moment) {
  const [ids, setIds] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void loadTemplates().then((all) => {
      if (live) setIds(all[moment] ?? []);
    });
    return () => {
      live = false;
    };
  }, [moment]);
  const ask = (): Promise<number> =>
    askToBeTold(ids).then(async (accepted) => {
      if (accepted.length === 0) return 0;
      // Nothing about the tap's own action depends on this being recorded.
      await call('account.acceptSubscriptions', { templateIds: accepted }).catch(() => undefined);
      return accepted.length;
    });
  return { available: ids.length > 0, ask };
}
