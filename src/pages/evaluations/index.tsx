import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { PageShell } from '../../components/PageShell';
import { ErrorPage, LoadingPage } from '../../components/StatusView';
import { formatDateZh } from '../../domain/dates';
import { useLoaded } from '../../hooks/use-loaded';
import type { RoundSummaryView } from '../../domain/evaluation-views';

const PHASE_CHIP: Record<RoundSummaryView['phase'], string> = {
  upcoming: 'chip--muted',
  open: 'chip--primary',
  closed: 'chip--ok',
};

/**
 * 代表述职评议: the street's rounds, newest first. A voter first says which 选区 they live in
 * (the rounds of that district are theirs to rate); staff and the committee open rounds here.
 */
export default function EvaluationsPage() {
  const [choosing, setChoosing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  // Reloaded on show: back from a round the caller rated, or from opening one.
  const { state, reload } = useLoaded(() => call('evaluations.list', {}), [], { onShow: true });

  const choose = async (district: string) => {
    setMessage(null);
    try {
      await call('evaluations.setDistrict', { district });
      setChoosing(false);
      await reload();
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : '操作失败，请重试');
    }
  };

  if (state.kind === 'loading') return <LoadingPage />;
  if (state.kind === 'error') return <ErrorPage message={state.message} onRetry={() => void reload()} />;
  const list = state.data;
  return (
    <PageShell>
      <View className='card district'>
        <Text className='card__label'>我所在的选区</Text>
        {list.myDistrict && !choosing ? (
          <View className='setting'>
            <Text className='card__title my-district'>{list.myDistrict}</Text>
            {!list.districtLockedReason && (
              <Button className='btn btn--small' onClick={() => setChoosing(true)}>
                更改
              </Button>
            )}
          </View>
        ) : (
          <View>
            <Text className='card__hint'>请选择您户籍或居住所在的选区，您可以评议本选区选出的代表。</Text>
            <ChoiceGroup
              choices={list.districts.map((d) => ({ id: d, label: d }))}
              value={list.myDistrict}
              onChange={(d) => void choose(d)}
              label='选区'
              kind='district'
            />
          </View>
        )}
        {list.districtLockedReason && <Text className='card__hint'>{list.districtLockedReason}</Text>}
        {message && <Text className='form-message form-message--error'>{message}</Text>}
      </View>

      {list.openableDistricts.length > 0 && (
        <Button
          className='btn btn--primary btn--block open-round-entry'
          onClick={() => void Taro.navigateTo({ url: '/casework/evaluation-open/index' })}
        >
          组织述职评议
        </Button>
      )}

      {list.items.length === 0 && (
        <View className='card'>
          <Text className='card__hint'>目前没有述职评议。评议开始后，您可以在这里为本选区的代表打分。</Text>
        </View>
      )}
      {list.items.map((r) => (
        <View
          key={r.id}
          className='card round'
          data-round-id={r.id}
          role='link'
          onClick={() => void Taro.navigateTo({ url: `/pages/evaluation/index?roundId=${r.id}` })}
        >
          <View className='card__head'>
            <Text className='card__title'>{r.title}</Text>
            <Text className={`chip ${PHASE_CHIP[r.phase]}`}>{r.phaseLabel}</Text>
          </View>
          <Text className='card__line'>
            {formatDateZh(r.opensOn)} 至 {formatDateZh(r.closedEarlyOn ?? r.closesOn)}
            {r.closedEarlyOn ? '（提前结束）' : ''}
          </Text>
          <Text className='card__line'>
            {r.district} · {r.deputyCount} 位代表
            {r.ratedByMe > 0 ? ` · 您已评议 ${r.ratedByMe} 位` : ''}
            {r.participants !== undefined ? ` · ${r.participants} 人参加` : ''}
          </Text>
          {r.canRate && r.ratedByMe < r.deputyCount && <Text className='chip chip--warn'>请您评议</Text>}
        </View>
      ))}
    </PageShell>
  );
}
