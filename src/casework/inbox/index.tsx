import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call } from '../../api/client';
import type { InboxFilter } from '../../domain/opinion-schemas';
import type { MeView } from '../../domain/views';
import { OpinionCard } from '../../components/OpinionCard';
import { PageShell } from '../../components/PageShell';
import { EmptyState, ErrorState, Loading } from '../../components/StatusView';
import { ReminderCard } from '../../components/ReminderCard';
import { useLoaded } from '../../hooks/use-loaded';

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

/** The deputy's inbox, or the station queue for staff: filtered, newest first. */
export default function InboxPage() {
  // The filter tapped; until then the role's own (待答复 for a deputy, 全部 for staff).
  const [chosen, setChosen] = useState<InboxFilter | null>(null);

  // Reloaded on show: back from a case, it may have left this filter.
  const { state, reload, set } = useLoaded(
    async () => {
      const me = await call('account.me', {});
      const filter = chosen ?? (me.role === 'deputy' ? 'new' : 'all');
      const page = await call('casework.inbox', { filter });
      return { me, filter, ...page };
    },
    [chosen],
    { onShow: true, pullDown: true },
  );
  const filter = state.kind === 'ready' ? state.data.filter : chosen;
  // Who is looking, from the latest answer: the heading and the filters stay while another
  // filter loads, and are not drawn (then pushed down) before the first answer.
  const seen = useRef<MeView | null>(null);
  if (state.kind === 'ready') seen.current = state.data.me;
  const me = state.kind === 'ready' ? state.data.me : seen.current;

  const more = async () => {
    if (state.kind !== 'ready' || !state.data.nextCursor) return;
    const page = await call('casework.inbox', { filter: state.data.filter, cursor: state.data.nextCursor });
    set((shown) => ({ ...shown, items: [...shown.items, ...page.items], nextCursor: page.nextCursor }));
  };

  const filters = me?.role === 'deputy' ? DEPUTY_FILTERS : STAFF_FILTERS;
  return (
    <PageShell>
      {me && (
        <View className='hero'>
          <Text className='hero__title'>
            {me.role === 'deputy' ? '我的待办' : `${me.station?.name ?? '全部联络站'}`}
          </Text>
          {me.role === 'deputy' && (
            <View className='actions actions--wrap'>
              <Button
                className='btn btn--small suggestions-link'
                onClick={() => void Taro.navigateTo({ url: '/casework/suggestions/index' })}
              >
                代表建议
              </Button>
            </View>
          )}
          {me.role !== 'deputy' && (
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
              <Button
                className='btn btn--small suggestions-link'
                onClick={() => void Taro.navigateTo({ url: '/casework/suggestions/index' })}
              >
                代表建议
              </Button>
            </View>
          )}
        </View>
      )}
      {me && (
        <View className='options filters' role='tablist' aria-label='筛选意见'>
          {filters.map(([id, label]) => (
            <View
              key={id}
              className={`option option--inline ${filter === id ? 'option--on' : ''}`}
              data-filter={id}
              role='tab'
              aria-selected={filter === id}
              onClick={() => (id === chosen ? void reload() : setChosen(id))}
            >
              {label}
            </View>
          ))}
        </View>
      )}
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorState message={state.message} onRetry={() => void reload()} />}
      {state.kind === 'ready' && state.data.items.length === 0 && <EmptyState text='这里暂时没有意见' />}
      {state.kind === 'ready' &&
        state.data.items.map((o) => (
          <OpinionCard
            key={o.id}
            opinion={o}
            onOpen={() => void Taro.navigateTo({ url: `/casework/case/index?id=${o.id}` })}
          />
        ))}
      {state.kind === 'ready' && state.data.nextCursor && (
        <Button className='btn btn--block' onClick={() => void more()}>
          加载更多
        </Button>
      )}
      {state.kind === 'ready' && <ReminderCard moment={state.data.me.role === 'deputy' ? 'casework' : 'oversight'} />}
    </PageShell>
  );
}
