import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api/client';
import { PageShell } from '../../components/PageShell';
import { EmptyState, ErrorState, Loading } from '../../components/StatusView';
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, type ActivityKind } from '../../domain/activity';
import type { ActivityListItem } from '../../domain/activity-views';
import { formatDateZh } from '../../domain/dates';
import { useLoaded } from '../../hooks/use-loaded';
import { ActivityStatusChip } from '../activity/ActivityChips';
import { PeriodTabs } from '../PeriodTabs';
import { periodOf, type PeriodKey } from '../period';
import '../activity/activity.css';

const open = (id: string) => void Taro.navigateTo({ url: `/casework/activity/index?id=${id}` });

/** One activity in the list: kind, title, date and place, who came, and its status when it awaits staff. */
function ActivityCard(props: { item: ActivityListItem }) {
  const a = props.item;
  // A deputy's own visit has them alone present: only the voters met say anything.
  const attendance =
    a.invited > 0 && !(a.kind === 'voter_visit' && a.invited === 1) ? `出席 ${a.present}/${a.invited} 人` : '';
  const voters = a.votersVisited !== undefined ? `走访选民 ${a.votersVisited} 人` : '';
  return (
    <View className='card activity-card' role='link' data-activity-id={a.id} onClick={() => open(a.id)}>
      <View className='card__head'>
        <Text className='card__title'>{a.title}</Text>
        {a.status !== 'recorded' && <ActivityStatusChip status={a.status} label={a.statusLabel} />}
      </View>
      <Text className='card__line activity-card__kind'>
        {a.kindLabel}
        {a.groupName ? ` · ${a.groupName}` : ''}
      </Text>
      <Text className='card__hint'>
        {formatDateZh(a.date)} · {a.place}
      </Text>
      {(attendance || voters) && <Text className='card__hint'>{[attendance, voters].filter(Boolean).join(' · ')}</Text>}
    </View>
  );
}

/**
 * 履职活动: the activities of a period (this year unless changed), of one kind if chosen. Station
 * staff and the committee see the deputies' visits awaiting confirmation first; a deputy sees the
 * activities they were invited to and their own visits, with 登记走访; the committee 登记活动.
 */
export default function ActivitiesPage() {
  const [period, setPeriod] = useState<PeriodKey>('year');
  const [kind, setKind] = useState<ActivityKind | null>(null);
  const [choosingKind, setChoosingKind] = useState(false);

  // Reloaded on show: back from recording or confirming one, the list has changed.
  const { state, reload, set } = useLoaded(
    async () => {
      const me = await call('account.me', {});
      const { from, to } = periodOf(period);
      const mine = me.role === 'deputy' && me.deputy ? { deputyId: me.deputy.id } : {};
      const reviews = me.role === 'staff' || me.role === 'admin';
      const [page, pending] = await Promise.all([
        call('activities.list', { from, to, ...(kind ? { kind } : {}), ...mine }),
        reviews ? call('activities.list', { pending: true }) : Promise.resolve({ items: [] as ActivityListItem[] }),
      ]);
      return { me, items: page.items, cursor: page.cursor, pending: pending.items };
    },
    [period, kind],
    { onShow: true, pullDown: true },
  );

  const more = async () => {
    if (state.kind !== 'ready' || !state.data.cursor) return;
    const { from, to } = periodOf(period);
    const { me } = state.data;
    const mine = me.role === 'deputy' && me.deputy ? { deputyId: me.deputy.id } : {};
    const page = await call('activities.list', {
      from,
      to,
      ...(kind ? { kind } : {}),
      ...mine,
      cursor: state.data.cursor,
    });
    set((shown) => ({ ...shown, items: [...shown.items, ...page.items], cursor: page.cursor }));
  };

  const me = state.kind === 'ready' ? state.data.me : null;
  const record = () => void Taro.navigateTo({ url: '/casework/activity-record/index' });
  return (
    <PageShell>
      {me && (
        <View className='hero'>
          <Text className='hero__title'>{me.role === 'deputy' ? '我的履职活动' : '履职活动'}</Text>
          {me.role === 'deputy' && (
            <>
              <Text className='hero__sub'>走访选民、上门访谈后请登记，联络站工作人员确认后计入履职档案。</Text>
              <Button className='btn btn--primary btn--block record-entry' onClick={record}>
                登记走访
              </Button>
            </>
          )}
          {me.role === 'admin' && (
            <Button className='btn btn--primary btn--block record-entry' onClick={record}>
              登记活动
            </Button>
          )}
        </View>
      )}
      {state.kind === 'ready' && state.data.pending.length > 0 && (
        <View className='pending-visits'>
          <Text className='section-title'>待确认的走访（{state.data.pending.length}）</Text>
          {state.data.pending.map((a) => (
            <ActivityCard key={a.id} item={a} />
          ))}
        </View>
      )}
      <PeriodTabs value={period} onChange={setPeriod} />
      <View
        className='option kind-filter'
        role='button'
        aria-expanded={choosingKind}
        onClick={() => setChoosingKind(!choosingKind)}
      >
        活动类型：{kind ? ACTIVITY_KIND_LABELS[kind] : '全部'} {choosingKind ? '▲' : '▼'}
      </View>
      {choosingKind && (
        <View className='options filters kind-options' role='radiogroup' aria-label='活动类型'>
          {[null, ...ACTIVITY_KINDS].map((k) => (
            <View
              key={k ?? 'all'}
              className={`option option--inline ${k === kind ? 'option--on' : ''}`}
              role='radio'
              data-kind={k ?? 'all'}
              aria-checked={k === kind}
              onClick={() => {
                setKind(k);
                setChoosingKind(false);
              }}
            >
              {k ? ACTIVITY_KIND_LABELS[k] : '全部'}
            </View>
          ))}
        </View>
      )}
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorState message={state.message} onRetry={() => void reload()} />}
      {state.kind === 'ready' && state.data.items.length === 0 && <EmptyState text='这段时间还没有登记履职活动' />}
      {state.kind === 'ready' &&
        state.data.items
          // Each visit awaiting confirmation shows once, at the top.
          .filter((a) => !state.data.pending.some((p) => p.id === a.id))
          .map((a) => <ActivityCard key={a.id} item={a} />)}
      {state.kind === 'ready' && state.data.cursor && (
        <Button className='btn btn--block' onClick={() => void more()}>
          加载更多
        </Button>
      )}
      {me && me.role !== 'deputy' && (
        <Button
          className='btn btn--block activity-figures-entry'
          onClick={() => void Taro.navigateTo({ url: '/casework/activity-figures/index' })}
        >
          履职统计
        </Button>
      )}
    </PageShell>
  );
}
