import { Text, View } from '@tarojs/components';
import { useShareAppMessage } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api/client';
import { shanghaiDate } from '../../domain/dates';
import type { StatsView } from '../../domain/report-views';
import { PageShell } from '../../components/PageShell';
import { RateLine } from '../../components/RateLine';
import { ErrorPage, LoadingPage } from '../../components/StatusView';

/**
 * 各站办理情况, open to everyone: this year's figures of each station — how many opinions it
 * collected, answered and resolved, and how satisfied voters were. Counts only, nobody's data.
 */
export default function PublicFiguresPage() {
  const [stats, setStats] = useState<StatsView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const today = shanghaiDate(Date.now());
      setStats(await call('reports.publicStats', { from: `${today.slice(0, 4)}-01-01`, to: today }));
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  // Counts only, open to everyone: fit to pass on.
  useShareAppMessage(() => ({ title: '各站意见办理情况 · 征集、答复和满意率', path: '/pages/figures/index' }));

  if (error) return <ErrorPage message={error} onRetry={() => void load()} />;
  if (!stats) return <LoadingPage />;
  return (
    <PageShell>
      <View className='hero'>
        <Text className='hero__title'>各站办理情况</Text>
        <Text className='hero__sub'>
          {stats.period.from} 至 {stats.period.to}，全街道征集 {stats.collected} 条，已答复 {stats.replied} 条，已解决{' '}
          {stats.resolved} 条
        </Text>
      </View>
      <View className='card'>
        <Text className='card__label'>全街道</Text>
        <RateLine name='办复率' rate={stats.replyRate} />
        <RateLine name='满意率' rate={stats.satisfactionRate} />
      </View>
      {(stats.groups ?? []).map((g) => (
        <View className='card public-station' key={g.key}>
          <Text className='card__label'>{g.label}</Text>
          <Text className='card__line'>
            征集 {g.collected} · 答复 {g.replied} · 解决 {g.resolved}
          </Text>
          <RateLine name='办复率' rate={g.replyRate} />
          <RateLine name='满意率' rate={g.satisfactionRate} />
        </View>
      ))}
      <Text className='card__hint'>比率旁是件数；不足10件的只列件数（样本不足）。数据由系统根据办理记录自动统计。</Text>
    </PageShell>
  );
}
