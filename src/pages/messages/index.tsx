import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call } from '../../api/client';
import { formatDateZh, shanghaiDate, shanghaiTime } from '../../domain/dates';
import { PageShell } from '../../components/PageShell';
import { EmptyState, ErrorState, Loading } from '../../components/StatusView';
import { showUnreadBadge } from '../../platform/badge';
import { useLoaded } from '../../hooks/use-loaded';
import './index.css';

const when = (at: number) => `${formatDateZh(shanghaiDate(at))} ${shanghaiTime(at)}`;

/**
 * 消息: every notice the caller was sent — replies, reminders, escalations, reception days —
 * whether or not WeChat delivered it. Opening the list reads it; a line opens its page.
 */
export default function MessagesPage() {
  // Reloaded on show: a line opened elsewhere, or a new one, changes the list. Opening it reads
  // up to the newest line shown, so that one written meanwhile stays unread.
  const { state, reload, set } = useLoaded(
    async () => {
      const page = await call('account.messages', {});
      const newest = page.items[0];
      if (newest && page.unread > 0) {
        const { unread } = await call('account.readMessages', { upTo: newest.at });
        showUnreadBadge(unread);
      } else showUnreadBadge(page.unread);
      return { items: page.items, nextCursor: page.nextCursor };
    },
    [],
    { onShow: true, pullDown: true },
  );

  const more = async () => {
    if (state.kind !== 'ready' || !state.data.nextCursor) return;
    const page = await call('account.messages', { cursor: state.data.nextCursor });
    set((shown) => ({ items: [...shown.items, ...page.items], nextCursor: page.nextCursor }));
  };

  return (
    <PageShell>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorState message={state.message} onRetry={() => void reload()} />}
      {state.kind === 'ready' && state.data.items.length === 0 && (
        <EmptyState text='暂无消息。代表答复、办结、接待日提醒等都会出现在这里。' />
      )}
      {state.kind === 'ready' &&
        state.data.items.map((m) => (
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
      {state.kind === 'ready' && state.data.nextCursor && (
        <Button className='btn btn--block' onClick={() => void more()}>
          加载更多
        </Button>
      )}
    </PageShell>
  );
}
