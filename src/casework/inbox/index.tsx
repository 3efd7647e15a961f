import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call } from '../../api/client';
import type { InboxFilter } from '../../domain/opinion-schemas';
import type { MeView, OpinionSummary } from '../../domain/views';
import { OpinionCard } from '../../components/OpinionCard';
import { PageShell } from '../../components/PageShell';
import { EmptyState, ErrorState, Loading } from '../../components/StatusView';
import { ReminderCard } from '../../components/ReminderCard';

const DEPUTY_FILTERS: Array<[InboxFilter, string]> = [
  ['new', '待答复'],
  ['due_soon', '即将到期'],
  ['overdue', '已超期'],
  ['replied', '已答复'],
  ['all', '全部'],
];

const STAFF_FILTERS: Array<[InboxFilter, string]> = [
  ['unrouted', '待分派'],
  ['held', '待审核'],
  ['overdue', '已超期'],
  ['awaiting_confirmation', '待确认办结'],
  ['review', '不满意复核'],
  ['all', '全部'],
];

type ListState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; me: MeView; items: OpinionSummary[]; nextCursor: string | null };

/** The deputy's inbox, or the station queue for staff: filtered, newest first. */
export default function InboxPage() {
  const [filter, setFilter] = useState<InboxFilter | null>(null);
  const [state, setState] = useState<ListState>({ kind: 'loading' });

  const load = useCallback(async (chosen: InboxFilter | null) => {
    setState({ kind: 'loading' });
    try {
      const me = await call('account.me', {});
      const effective = chosen ?? (me.role === 'deputy' ? 'new' : 'all');
      const page = await call('casework.inbox', { filter: effective });
      setFilter(effective);
      setState({ kind: 'ready', me, ...page });
    } catch (e) {
      setState({ kind: 'error', message: (e as Error).message });
    }
  }, []);

  useDidShow(() => {
    void load(filter);
  });
  usePullDownRefresh(() => {
    void load(filter).finally(() => Taro.stopPullDownRefresh());
  });

  const more = async () => {
    if (state.kind !== 'ready' || !state.nextCursor || !filter) return;
    const page = await call('casework.inbox', { filter, cursor: state.nextCursor });
    setState({ ...state, items: [...state.items, ...page.items], nextCursor: page.nextCursor });
  };

  const filters = state.kind === 'ready' && state.me.role === 'deputy' ? DEPUTY_FILTERS : STAFF_FILTERS;
  return (
    <PageShell>
      {state.kind === 'ready' && (
        <View className='hero'>
          <Text className='hero__title'>
            {state.me.role === 'deputy' ? '我的待办' : `${state.me.station?.name ?? '全部联络站'}`}
          </Text>
          {state.me.role !== 'deputy' && (
            <View className='actions actions--wrap'>
              <Button
                className='btn btn--small'
                onClick={() => void Taro.navigateTo({ url: '/casework/intake/index' })}
              >
                代为登记意见
              </Button>
              <Button
                className='btn btn--small'
                onClick={() => void Taro.navigateTo({ url: '/casework/invite/index' })}
              >
                发放邀请码
              </Button>
              <Button
                className='btn btn--small'
                onClick={() => void Taro.navigateTo({ url: '/casework/sessions/index' })}
              >
                接待日安排
              </Button>
            </View>
          )}
        </View>
      )}
      <View className='options filters'>
        {filters.map(([id, label]) => (
          <View
            key={id}
            className={`option option--inline ${filter === id ? 'option--on' : ''}`}
            data-filter={id}
            role='tab'
            aria-selected={filter === id}
            onClick={() => void load(id)}
          >
            {label}
          </View>
        ))}
      </View>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorState message={state.message} onRetry={() => void load(filter)} />}
      {state.kind === 'ready' && state.items.length === 0 && <EmptyState text='这里暂时没有意见' />}
      {state.kind === 'ready' &&
        state.items.map((o) => (
          <OpinionCard
            key={o.id}
            opinion={o}
            onOpen={() => void Taro.navigateTo({ url: `/casework/case/index?id=${o.id}` })}
          />
        ))}
      {state.kind === 'ready' && state.nextCursor && (
        <Button className='btn btn--block' onClick={() => void more()}>
          加载更多
        </Button>
      )}
      {state.kind === 'ready' && <ReminderCard moment={state.me.role === 'deputy' ? 'casework' : 'oversight'} />}
    </PageShell>
  );
}
