import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call } from '../../api/client';
import { formatDateZh, shanghaiDate, shanghaiTime } from '../../domain/dates';
import type { MessageView } from '../../domain/views';
import { PageShell } from '../../components/PageShell';
import { EmptyState, ErrorState, Loading } from '../../components/StatusView';
import { showUnreadBadge } from '../../platform/badge';

type MessagesState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; items: MessageView[]; nextCursor: string | null };

const when = (at: number) => `${formatDateZh(shanghaiDate(at))} ${shanghaiTime(at)}`;

/**
 * 消息: every notice the caller was sent — replies, reminders, escalations, reception days —
 * whether or not WeChat delivered it. Opening the list reads it; a line opens its page.
 */
export default function MessagesPage() {
  const [state, setState] = useState<MessagesState>({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const page = await call('account.messages', {});
      setState({ kind: 'ready', items: page.items, nextCursor: page.nextCursor });
      const newest = page.items[0];
      // Read up to the newest line shown, so that one written meanwhile stays unread.
      if (newest && page.unread > 0) {
        const { unread } = await call('account.readMessages', { upTo: newest.at });
        showUnreadBadge(unread);
      } else showUnreadBadge(page.unread);
    } catch (e) {
      setState({ kind: 'error', message: (e as Error).message });
    }
  }, []);

  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const more = async () => {
    if (state.kind !== 'ready' || !state.nextCursor) return;
    const page = await call('account.messages', { cursor: state.nextCursor });
    setState({ kind: 'ready', items: [...state.items, ...page.items], nextCursor: page.nextCursor });
  };

  return (
    <PageShell>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorState message={state.message} onRetry={() => void load()} />}
      {state.kind === 'ready' && state.items.length === 0 && (
        <EmptyState text='暂无消息。代表答复、办结、接待日提醒等都会出现在这里。' />
      )}
      {state.kind === 'ready' &&
        state.items.map((m) => (
          <View
            key={m.id}
            className={`card message ${m.read ? '' : 'message--unread'}`}
            data-message={m.id}
            role='link'
            onClick={() => void Taro.navigateTo({ url: m.url })}
          >
            <View className='message__head'>
              {!m.read && <Text className='message__dot' aria-label='未读' />}
              <Text className='message__title'>{m.title}</Text>
            </View>
            <Text className='message__text'>{m.text}</Text>
            <Text className='card__hint'>{when(m.at)}</Text>
          </View>
        ))}
      {state.kind === 'ready' && state.nextCursor && (
        <Button className='btn btn--block' onClick={() => void more()}>
          加载更多
        </Button>
      )}
    </PageShell>
  );
}
