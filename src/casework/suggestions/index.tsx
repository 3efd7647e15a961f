import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api/client';
import { formatDateZh } from '../../domain/dates';
import type { SuggestionListItem } from '../../domain/suggestion-views';
import type { MeView } from '../../domain/views';
import { PageShell } from '../../components/PageShell';
import { ReminderCard } from '../../components/ReminderCard';
import { EmptyState, ErrorState, Loading } from '../../components/StatusView';
import { useLoaded } from '../../hooks/use-loaded';
import { SuggestionChips } from '../suggestion/SuggestionChips';
import '../suggestion/suggestion.css';

type Tab = 'open' | 'finished' | 'all';

const TABS: Array<[Tab, string]> = [
  ['open', '办理中'],
  ['finished', '已办结'],
  ['all', '全部'],
];

/** What the box is called for each caller. */
function titleFor(me: MeView): string {
  if (me.role === 'deputy') return '我的代表建议';
  if (me.role === 'unit') return me.unit ? `${me.unit.name} · 待办建议` : '待办建议';
  return '各代表建议';
}

/** One 建议 in a box: title, status and marks, the caller's part, who leads it and what is due. */
function SuggestionCard(props: { item: SuggestionListItem; decides: boolean }) {
  const s = props.item;
  return (
    <View
      className='card suggestion-card'
      role='link'
      data-suggestion-id={s.id}
      onClick={() => void Taro.navigateTo({ url: `/casework/suggestion/index?id=${s.id}` })}
    >
      <View className='card__head'>
        <Text className='card__title'>{s.title}</Text>
        <View className='suggestion-chips'>
          <SuggestionChips
            status={s.status}
            label={s.statusLabel}
            overdue={s.overdue}
            keySupervision={s.keySupervision}
            awaitingDecision={props.decides && s.status === 'submitted'}
            awaitsYou={s.awaitsYou}
          />
        </View>
      </View>
      <Text className='card__hint'>
        编号 {s.shortId} · 领衔 {s.leadName}
        {s.roleLabel ? ` · 您是${s.roleLabel}` : ''}
      </Text>
      {s.leadUnitName && <Text className='card__hint'>主办单位：{s.leadUnitName}</Text>}
      {s.pendingDueDate && (
        <Text className={`card__hint ${s.overdue ? 'form-message--error' : ''}`}>
          {s.status === 'submitted' ? '应于' : '答复期限：'}
          {formatDateZh(s.pendingDueDate)}
          {s.status === 'submitted' ? '前立案交办' : ''}
        </Text>
      )}
    </View>
  );
}

/**
 * 代表建议: the caller's box — a deputy's drafts, led and co-signed ones; what a 承办单位 was
 * handed (主办 or 协办) with its due date; every submitted one for station staff and the committee.
 */
export default function SuggestionsPage() {
  const [tab, setTab] = useState<Tab>('open');

  // Reloaded on show: back from a 建议, it may have left this tab.
  const { state, reload, set } = useLoaded(
    async () => {
      const me = await call('account.me', {});
      const page = await call('suggestions.list', { state: tab });
      return { me, ...page };
    },
    [tab],
    { onShow: true, pullDown: true },
  );

  const more = async () => {
    if (state.kind !== 'ready' || !state.data.cursor) return;
    const page = await call('suggestions.list', { state: tab, cursor: state.data.cursor });
    set((shown) => ({ ...shown, items: [...shown.items, ...page.items], cursor: page.cursor }));
  };

  const me = state.kind === 'ready' ? state.data.me : null;
  const decides = me?.role === 'admin' || me?.role === 'staff';
  return (
    <PageShell>
      {me && (
        <View className='hero'>
          <Text className='hero__title'>{titleFor(me)}</Text>
          {me.role === 'unit' && (
            <Text className='hero__sub'>本单位主办、协办的代表建议，请在答复期限前办理答复。</Text>
          )}
          {me.role === 'deputy' && (
            <Button
              className='btn btn--primary btn--block draft-entry'
              onClick={() => void Taro.navigateTo({ url: '/casework/suggestion-draft/index' })}
            >
              起草代表建议
            </Button>
          )}
          {decides && (
            <Button
              className='btn btn--block unit-figures-entry'
              onClick={() => void Taro.navigateTo({ url: '/casework/unit-figures/index' })}
            >
              承办单位办理情况
            </Button>
          )}
        </View>
      )}
      <View className='options filters' role='tablist' aria-label='筛选代表建议'>
        {TABS.map(([id, label]) => (
          <View
            key={id}
            className={`option option--inline ${tab === id ? 'option--on' : ''}`}
            data-tab={id}
            role='tab'
            aria-selected={tab === id}
            onClick={() => (id === tab ? void reload() : setTab(id))}
          >
            {label}
          </View>
        ))}
      </View>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorState message={state.message} onRetry={() => void reload()} />}
      {state.kind === 'ready' && state.data.items.length === 0 && <EmptyState text='这里暂时没有代表建议' />}
      {state.kind === 'ready' && state.data.items.map((s) => <SuggestionCard key={s.id} item={s} decides={decides} />)}
      {state.kind === 'ready' && state.data.cursor && (
        <Button className='btn btn--block' onClick={() => void more()}>
          加载更多
        </Button>
      )}
      {me?.role === 'unit' && <ReminderCard moment='handling' />}
    </PageShell>
  );
}
