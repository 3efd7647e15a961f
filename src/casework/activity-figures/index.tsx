import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api/client';
import { PageShell } from '../../components/PageShell';
import { RateLine } from '../../components/RateLine';
import { ErrorState, Loading } from '../../components/StatusView';
import type { ActivityFiguresView } from '../../domain/activity-views';
import { formatDateZh } from '../../domain/dates';
import { useLoaded } from '../../hooks/use-loaded';
import { PeriodTabs } from '../PeriodTabs';
import { periodOf, type PeriodKey } from '../period';
import '../figures.css';
import '../activity/activity.css';
import { MinAttendanceChoice } from './MinAttendanceChoice';

type DeputyRow = ActivityFiguresView['deputies'][number];

/** One deputy's line: attendance counts and 出席率, marked when below what the committee expects. */
function DeputyCard(props: { row: DeputyRow; below: boolean }) {
  const d = props.row;
  return (
    <View
      className={`card deputy-figures ${props.below ? 'deputy-figures--below' : ''}`}
      role='link'
      data-deputy-id={d.deputyId}
      onClick={() => void Taro.navigateTo({ url: `/casework/deputy-record/index?deputyId=${d.deputyId}` })}
    >
      <View className='card__head'>
        <Text className='card__title'>{d.name}</Text>
        {props.below && <Text className='chip chip--danger below-mark'>低于出席要求</Text>}
      </View>
      {d.groupName && <Text className='card__hint'>{d.groupName}</Text>}
      <View className='facts'>
        <Text>出席 {d.present}</Text>
        <Text>请假 {d.leave}</Text>
        <Text className={d.absent > 0 ? 'facts__alert' : ''}>缺席 {d.absent}</Text>
        <Text>走访选民 {d.votersVisited} 人次</Text>
      </View>
      <RateLine name='出席率' rate={d.attendanceRate} />
      <Text className='card__more'>履职档案 ›</Text>
    </View>
  );
}

function Figures(props: { f: ActivityFiguresView; setsRequirement: boolean; onRequirementSaved: () => void }) {
  const { f } = props;
  const total = f.byKind.reduce((n, k) => n + k.count, 0);
  const below = new Set(f.below);
  return (
    <>
      <View className='card'>
        <Text className='card__label'>
          {formatDateZh(f.from)} 至 {formatDateZh(f.to)}
        </Text>
        <View className='figures'>
          <View className='figure'>
            <Text className='figure__value figure-activities'>{total}</Text>
            <Text className='figure__name'>履职活动（次）</Text>
          </View>
          <View className='figure'>
            <Text className='figure__value figure-voters'>{f.votersVisited}</Text>
            <Text className='figure__name'>走访选民（人次）</Text>
          </View>
          <View className='figure'>
            <Text className='figure__value figure-themed'>{f.themedReceptions}</Text>
            <Text className='figure__name'>主题接待日</Text>
          </View>
        </View>
        {f.byKind.map((k) => (
          <View key={k.kind} className='kind-line' data-kind={k.kind}>
            <Text className='kind-line__name'>{k.label}</Text>
            <Text className='kind-line__value'>{k.count} 次</Text>
          </View>
        ))}
        <Text className='card__hint'>只计人大工委、人大小组登记的活动和工作人员确认过的代表走访。</Text>
      </View>

      {f.byGroup.length > 0 && (
        <View className='card by-group'>
          <Text className='card__label'>各人大小组</Text>
          {f.byGroup.map((g) => (
            <View key={g.groupId} className='kind-line' data-group-id={g.groupId}>
              <Text className='kind-line__name'>{g.name}</Text>
              <Text className='kind-line__value'>
                活动 {g.activities} 次 · 走访 {g.votersVisited} 人次
              </Text>
            </View>
          ))}
        </View>
      )}

      <Text className='section-title'>各代表出席情况</Text>
      <Text className='card__hint section-hint'>
        出席要求：出席率不低于{Math.round(f.minAttendance * 100)}%
        {f.below.length > 0 ? `，${f.below.length}位代表低于要求` : ''}。点开可看履职档案。
      </Text>
      {props.setsRequirement && <MinAttendanceChoice value={f.minAttendance} onSaved={props.onRequirementSaved} />}
      {f.deputies.map((d) => (
        <DeputyCard key={d.deputyId} row={d} below={below.has(d.deputyId)} />
      ))}
    </>
  );
}

/**
 * 履职统计: the committee's counts over this year or last — activities by kind, 主题接待日, voters
 * visited, by 人大小组, and each deputy's attendance with those below the committee's requirement
 * marked; each deputy opens their 履职档案. For station staff and the committee, who also sets
 * that requirement here.
 */
export default function ActivityFiguresPage() {
  const [key, setKey] = useState<PeriodKey>('year');
  const { state, reload } = useLoaded(
    async () => {
      const { from, to } = periodOf(key);
      const [me, figures] = await Promise.all([call('account.me', {}), call('activities.figures', { from, to })]);
      return { admin: me.role === 'admin', figures };
    },
    [key],
    { pullDown: true },
  );
  return (
    <PageShell>
      <PeriodTabs value={key} onChange={setKey} />
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorState message={state.message} onRetry={() => void reload()} />}
      {state.kind === 'ready' && (
        <Figures f={state.data.figures} setsRequirement={state.data.admin} onRequirementSaved={() => void reload()} />
      )}
    </PageShell>
  );
}
