import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { PageShell } from '../../components/PageShell';
import { RateLine } from '../../components/RateLine';
import { ErrorState, Loading } from '../../components/StatusView';
import type { DeputyRecordView } from '../../domain/activity-views';
import { formatDateZh } from '../../domain/dates';
import { useLoaded } from '../../hooks/use-loaded';
import { PeriodTabs } from '../PeriodTabs';
import { periodOf, type PeriodKey } from '../period';
import '../figures.css';
import '../activity/activity.css';

/** One large number with what it counts. */
function Figure(props: { value: number; name: string; className?: string; alert?: boolean }) {
  return (
    <View className='figure'>
      <Text className={`figure__value ${props.alert ? 'figure__value--alert' : ''} ${props.className ?? ''}`}>
        {props.value}
      </Text>
      <Text className='figure__name'>{props.name}</Text>
    </View>
  );
}

function Record(props: { r: DeputyRecordView }) {
  const { r } = props;
  return (
    <>
      <View className='card record-head'>
        <Text className='card__title record-name'>{r.deputy.name}</Text>
        <Text className='card__line'>{r.deputy.title}</Text>
        <Text className='card__line'>
          {r.deputy.stationName}
          {r.deputy.group ? ` · ${r.deputy.group.name}` : ''}
        </Text>
        <Text className='card__hint'>
          {formatDateZh(r.from)} 至 {formatDateZh(r.to)}
        </Text>
      </View>

      <View className='card'>
        <Text className='card__label'>参加活动</Text>
        <View className='figures'>
          <Figure value={r.activities.present} name='出席' className='record-present' />
          <Figure value={r.activities.leave} name='请假' className='record-leave' />
          <Figure value={r.activities.absent} name='缺席' className='record-absent' alert={r.activities.absent > 0} />
          <Figure value={r.sessionsOnDuty} name='接待日驻站' className='record-sessions' />
        </View>
        <RateLine name='出席率' rate={r.activities.attendanceRate} />
        {r.activities.byKind.length > 0 && (
          <View className='card__section record-kinds'>
            {r.activities.byKind.map((k) => (
              <View key={k.kind} className='kind-line' data-kind={k.kind}>
                <Text className='kind-line__name'>{k.label}</Text>
                <Text className='kind-line__value'>出席 {k.present} 次</Text>
              </View>
            ))}
          </View>
        )}
      </View>

      <View className='card'>
        <Text className='card__label'>联系选民</Text>
        <View className='figures'>
          <Figure value={r.votersVisited} name='走访选民（人次）' className='record-voters' />
          <Figure value={r.opinions.handled} name='办理群众意见' className='record-opinions' />
        </View>
        <RateLine name='办复率' rate={r.opinions.replyRate} />
      </View>

      <View className='card'>
        <Text className='card__label'>代表建议</Text>
        <View className='figures'>
          <Figure value={r.suggestions.led} name='领衔' className='record-led' />
          <Figure value={r.suggestions.coSigned} name='附议' className='record-cosigned' />
          <Figure value={r.suggestions.answered} name='已答复' />
          <Figure value={r.suggestions.settled} name='已办结' />
        </View>
      </View>
      <Text className='card__hint'>
        走访选民只计工作人员确认过的走访；出席率按已登记出席情况的活动计算，不足10次只列次数。
      </Text>
    </>
  );
}

/**
 * 履职档案: one deputy's record over this year or last — 接待日 on duty, activities attended, on
 * leave and missed with the 出席率, by kind, voters met, opinions handled with the 办复率, and the
 * 建议 they led or co-signed. For the deputy themselves (from 我的), staff and the committee.
 */
export default function DeputyRecordPage() {
  const params = useRouter().params;
  const [key, setKey] = useState<PeriodKey>('year');
  const { state, reload } = useLoaded(
    async () => {
      const deputyId = params.deputyId ?? (await call('account.me', {})).deputy?.id;
      if (!deputyId) throw new ApiError('NOT_FOUND', '只有人大代表有履职档案');
      const { from, to } = periodOf(key);
      return call('activities.deputyRecord', { deputyId, from, to });
    },
    [params.deputyId, key],
    { pullDown: true },
  );
  return (
    <PageShell>
      <PeriodTabs value={key} onChange={setKey} />
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorState message={state.message} onRetry={() => void reload()} />}
      {state.kind === 'ready' && <Record r={state.data} />}
    </PageShell>
  );
}
