import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../api/client';
import { PageShell } from '../../components/PageShell';
import { RateLine } from '../../components/RateLine';
import { ErrorState, Loading } from '../../components/StatusView';
import { formatDateZh } from '../../domain/dates';
import { PeriodTabs } from '../PeriodTabs';
import { periodOf, type PeriodKey } from '../period';
import type { UnitFigures } from '../../domain/suggestion-figures';
import { useLoaded } from '../../hooks/use-loaded';
import '../figures.css';
import '../suggestion/suggestion.css';

/** One unit's row (or the street's): counts, then each rate with its count, 样本不足 under 10. */
function UnitCard(props: { name: string; row: Omit<UnitFigures, 'unitId' | 'unitName'>; street?: boolean }) {
  const r = props.row;
  return (
    <View className={`card unit-card ${props.street ? 'unit-card--street' : ''}`}>
      <Text className='card__label unit-row__name'>{props.name}</Text>
      <View className='unit-row__facts'>
        <Text>建议 {r.assigned}件</Text>
        <Text>已答复 {r.answered}件</Text>
        <Text>
          A {r.classA} · B {r.classB} · C {r.classC}
        </Text>
        <Text className={r.returns > 0 ? 'unit-row__fact--alert' : ''}>退回 {r.returns}次</Text>
        <Text className={r.supervised > 0 ? 'unit-row__fact--alert' : ''}>督办 {r.supervised}件</Text>
        <Text>答复用时中位数 {r.medianDaysToAnswer === null ? '—' : `${r.medianDaysToAnswer}天`}</Text>
      </View>
      <RateLine name='办复率' rate={r.answerRate} />
      <RateLine name='按期答复率' rate={r.onTimeRate} />
      <RateLine name='满意率' rate={r.satisfactionRate} />
    </View>
  );
}

/**
 * 承办单位办理情况: per 主办 unit over the 建议 handed over in a period — 建议件数, 办复率, 按期答复率,
 * A/B/C, 满意率 (each rate with its count; 样本不足 under 10), 退回, 督办 and the median days to
 * answer — and the street's row. For station staff and the committee.
 */
export default function UnitFiguresPage() {
  const [key, setKey] = useState<PeriodKey>('year');
  const { state, reload } = useLoaded(
    async () => {
      const { from, to } = periodOf(key);
      return call('suggestions.figures', { from, to });
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
        <>
          <View className='card'>
            <Text className='card__label'>
              {formatDateZh(state.data.from)} 至 {formatDateZh(state.data.to)}
            </Text>
            <View className='figures'>
              <View className='figure'>
                <Text className='figure__value figure-submitted'>{state.data.submitted}</Text>
                <Text className='figure__name'>代表提出建议</Text>
              </View>
              <View className='figure'>
                <Text className='figure__value'>{state.data.declined}</Text>
                <Text className='figure__name'>不予立案</Text>
              </View>
            </View>
            <Text className='card__hint'>
              各单位按交办日期统计。比率旁是件数；不足10件的只列件数（样本不足）。满意率按代表征询意见（满意、基本满意）计。
            </Text>
          </View>
          <UnitCard name='全街道' row={state.data.street} street />
          {state.data.units.length === 0 && (
            <View className='card'>
              <Text className='card__line'>这段时间没有交办的代表建议。</Text>
            </View>
          )}
          {state.data.units.map((u) => (
            <UnitCard key={u.unitId} name={u.unitName} row={u} />
          ))}
        </>
      )}
    </PageShell>
  );
}
