import { Text, View } from '@tarojs/components';
import { useShareAppMessage } from '@tarojs/taro';
import { call } from '../../api/client';
import { shanghaiDate } from '../../domain/dates';
import { publicPeriodOf } from '../../domain/public-period';
import type { PublicFigures } from '../../domain/report-views';
import { PageShell } from '../../components/PageShell';
import { RateLine } from '../../components/RateLine';
import { ErrorPage, LoadingPage } from '../../components/StatusView';
import { useLoaded } from '../../hooks/use-loaded';
import './index.css';

/** '2026年1月1日' for '2026-01-01'. */
const dayLabel = (date: string) =>
  `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8))}日`;

/** 办复率 and 满意率 of a station or the street that is shown; 满意率 may still be 样本不足. */
function Rates(props: { figures: PublicFigures }) {
  const { replyRate, satisfaction } = props.figures;
  return (
    <>
      <RateLine name='办复率' rate={replyRate} />
      <RateLine name='满意率' rate={satisfaction.withheld ? satisfaction : satisfaction.satisfactionRate} />
    </>
  );
}

/** In place of a station's figures: 样本不足, calmly, and why in short lines — it is not an error. */
function WithheldNote(props: { why: string[] }) {
  return (
    <View className='withheld'>
      <Text className='withheld__label'>样本不足</Text>
      {props.why.map((line) => (
        <Text className='withheld__why' key={line}>
          {line}
        </Text>
      ))}
    </View>
  );
}

/**
 * 各站办理情况, open to everyone: this year's figures of each station — how many opinions it
 * collected, answered and resolved, and how satisfied voters were. Counts only, nobody's data:
 * asked for in whole months, and a station with too few opinions shows only 样本不足
 * (src/domain/public-figures.ts).
 */
export default function PublicFiguresPage() {
  const { state, reload } = useLoaded(() => call('reports.publicStats', publicPeriodOf(shanghaiDate(Date.now()))), []);

  // Counts only, open to everyone: fit to pass on.
  useShareAppMessage(() => ({ title: '各站意见办理情况 · 征集、答复和满意率', path: '/pages/public-figures/index' }));

  if (state.kind === 'error') return <ErrorPage message={state.message} onRetry={() => void reload()} />;
  if (state.kind === 'loading') return <LoadingPage />;
  const stats = state.data;
  const street = stats.street;
  return (
    <PageShell>
      <View className='hero'>
        <Text className='hero__title'>各站办理情况</Text>
        <Text className='hero__sub'>
          {dayLabel(stats.period.from)}至今，
          {street.withheld
            ? '全街道意见还不到10条，暂不公布件数'
            : `全街道征集 ${street.collected} 条，已答复 ${street.replied} 条，已解决 ${street.resolved} 条`}
        </Text>
      </View>
      <View className='card public-street'>
        <Text className='card__label'>全街道</Text>
        {street.withheld ? <WithheldNote why={['意见还不到10条，暂不公布。']} /> : <Rates figures={street} />}
      </View>
      {stats.groups.map(({ key, label, figures }) => (
        <View className={`card public-station ${figures.withheld ? 'public-station--withheld' : ''}`} key={key}>
          <Text className='card__label'>{label}</Text>
          {figures.withheld ? (
            <WithheldNote why={['意见较少，不单独公布；', '已计入全街道合计。']} />
          ) : (
            <>
              <Text className='card__line'>
                征集 {figures.collected} · 答复 {figures.replied} · 解决 {figures.resolved}
              </Text>
              <Rates figures={figures} />
            </>
          )}
        </View>
      ))}
      <Text className='card__hint'>
        比率旁是件数。为保护反映意见的群众，不到10条意见的站点只写“样本不足”，不列件数；为免从全街道合计里推算出来，必要时意见较少的其他站点也不单独公布。满意率按评价人数，同样处理。数据由系统根据办理记录自动统计。
      </Text>
    </PageShell>
  );
}
