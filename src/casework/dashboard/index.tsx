import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { call } from '../../api/client';
import { shanghaiDate, shanghaiTime } from '../../domain/dates';
import { PeriodTabs } from '../PeriodTabs';
import { periodOf, type PeriodKey } from '../period';
import type { FigureGroup, StatsView } from '../../domain/report-views';
import type { MeView } from '../../domain/views';
import { PageShell } from '../../components/PageShell';
import { RateLine } from '../../components/RateLine';
import { ErrorState, Loading } from '../../components/StatusView';
import { openDocument } from '../../platform/open-document';
import { useLargeFont } from '../../settings/large-font';
import { useLoaded } from '../../hooks/use-loaded';
import type { ChartSpec } from './chart-style';
import { monthlyChart } from './monthly-chart';
import { overdueRows, type OverdueRow } from './overdue-rows';
import { anyRateShown, rateChart } from './rate-chart';
import { FigureChart } from './FigureChart';
import '../figures.css';
import './index.css';

/** The dashboard's periods: this year, the last 30 days, last year. */
const DASHBOARD_PERIODS: readonly PeriodKey[] = ['year', 'days30', 'lastYear'];

/** What the page says of a generated file's life (server/services/generated-files.ts). */
const keptUntil = (expiresAt: number) => `文件保留到${shanghaiTime(expiresAt)}，之后自动删除，请及时保存`;

/** What the page shows for a period: the totals by month, the groups of its cards, and what is overdue now. */
interface PeriodFigures {
  /** Totals, with one group per month. */
  stats: StatsView;
  /** Station staff and admins: per station; deputies: per category (the cards at the end). */
  cards: FigureGroup[];
  /** Admins only: a station chart is one bar for anyone who sees a single station. */
  byStation: FigureGroup[] | null;
  /** Staff and admins: per 人大小组 (its members' opinions). */
  byGroup: FigureGroup[] | null;
  byCategory: FigureGroup[];
  overdue: OverdueRow[];
  moreOverdue: boolean;
}

/**
 * A chart, its caption (the text alternative, visible) and a title. A chart with nothing to draw
 * (every rate 样本不足) gives way to a sentence: a grid of grey labels would say less than that.
 */
function ChartCard(props: { title: string; spec: ChartSpec; className: string; drawn?: boolean }) {
  return (
    <View className={`card chart-card ${props.className}`}>
      <Text className='card__label'>{props.title}</Text>
      {props.drawn === false ? (
        <Text className='card__line chart-card__none'>每一项都不足10件（样本不足），暂不画图。</Text>
      ) : (
        <FigureChart spec={props.spec} className={`${props.className}__chart`} />
      )}
      <Text className='card__hint chart-card__caption'>{props.spec.summary}</Text>
    </View>
  );
}

/**
 * 办理统计: the report's figures for a period with charts per month, station and category, what is
 * overdue now, and per station (per category for a deputy); the committee can render the annual report.
 */
export default function DashboardPage() {
  const [key, setKey] = useState<PeriodKey>('year');
  const [me, setMe] = useState<MeView | null>(null);
  const [report, setReport] = useState<string | null>(null);
  const large = useLargeFont();

  // Who is looking is asked once; changing the period only reloads the figures.
  const { state, reload } = useLoaded(async (): Promise<PeriodFigures> => {
    const who = me ?? (await call('account.me', {}));
    setMe(who);
    const { from, to } = periodOf(key);
    const deputy = who.role === 'deputy';
    const [stats, byStation, byGroup, byCategory, overdue] = await Promise.all([
      call('reports.stats', { from, to, groupBy: 'month' }),
      deputy ? null : call('reports.stats', { from, to, groupBy: 'station' }),
      deputy ? null : call('reports.stats', { from, to, groupBy: 'group' }),
      call('reports.stats', { from, to, groupBy: 'category' }),
      call('casework.inbox', { filter: 'overdue', limit: 50 }),
    ]);
    return {
      stats,
      cards: (deputy ? byCategory.groups : byStation?.groups) ?? [],
      byStation: who.role === 'admin' ? (byStation?.groups ?? []) : null,
      byGroup: byGroup?.groups?.filter((g) => g.key !== '' || g.collected > 0) ?? null,
      byCategory: byCategory.groups ?? [],
      overdue: overdueRows(overdue.items, shanghaiDate(Date.now())),
      moreOverdue: overdue.nextCursor !== null,
    };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- `me` is filled by the load itself
  const data = state.kind === 'ready' ? state.data : null;

  const charts = useMemo(
    () =>
      data && {
        monthly: monthlyChart(data.stats.groups ?? [], large),
        byStation: data.byStation && rateChart(data.byStation, 'station', large),
        byGroup: data.byGroup && data.byGroup.length > 0 ? rateChart(data.byGroup, 'group', large) : null,
        byCategory: rateChart(data.byCategory, 'category', large),
      },
    [data, large],
  );

  const annualReport = async () => {
    setReport('正在生成…');
    try {
      const year = Number(shanghaiDate(Date.now()).slice(0, 4));
      const result = await call('reports.annualReport', { year });
      setReport(`已生成${result.year}年度报告（数据截至${result.asOf}），${keptUntil(result.expiresAt)}`);
      // Only its maker can fetch it, and each download is audited: a link is asked for each time.
      await openDocument(await call('reports.download', { fileId: result.fileId }), 'docx');
    } catch (e) {
      setReport((e as Error).message);
    }
  };

  const exportSheet = async () => {
    setReport('正在导出…');
    try {
      const { from, to } = periodOf(key);
      const result = await call('reports.exportOpinions', { from, to });
      setReport(`已导出${result.rows}条意见，${keptUntil(result.expiresAt)}`);
      await openDocument(await call('reports.download', { fileId: result.fileId }), 'xlsx');
    } catch (e) {
      setReport((e as Error).message);
    }
  };

  return (
    <PageShell>
      <PeriodTabs value={key} onChange={setKey} keys={DASHBOARD_PERIODS} />
      {state.kind === 'error' && <ErrorState message={state.message} onRetry={() => void reload()} />}
      {state.kind === 'loading' && <Loading />}
      {data && charts && (
        <>
          <View className='card'>
            <Text className='card__label'>
              {data.stats.period.from} 至 {data.stats.period.to}
            </Text>
            <View className='figures'>
              <View className='figure'>
                <Text className='figure__value figure-collected'>{data.stats.collected}</Text>
                <Text className='figure__name'>征集</Text>
              </View>
              <View className='figure'>
                <Text className='figure__value'>{data.stats.replied}</Text>
                <Text className='figure__name'>已答复</Text>
              </View>
              <View className='figure'>
                <Text className='figure__value'>{data.stats.resolved}</Text>
                <Text className='figure__name'>已解决</Text>
              </View>
              <View className='figure'>
                <Text className={`figure__value ${data.stats.overdue > 0 ? 'figure__value--alert' : ''}`}>
                  {data.stats.overdue}
                </Text>
                <Text className='figure__name'>超期未答复</Text>
              </View>
            </View>
            <RateLine name='办复率' rate={data.stats.replyRate} />
            <RateLine name='按期答复率' rate={data.stats.onTimeRate} />
            <RateLine name='解决率' rate={data.stats.resolvedRate} />
            <RateLine name='满意率' rate={data.stats.satisfactionRate} />
            <Text className='card__hint'>比率旁是件数；不足10件的只列件数（样本不足）。</Text>
          </View>
          <ChartCard title='每月征集、答复、办结（件）' spec={charts.monthly} className='chart-monthly' />
          <View className='card overdue-list'>
            <Text className='card__label'>
              目前已超期未答复（{data.overdue.length}
              {data.moreOverdue ? '+' : ''}件）
            </Text>
            {data.overdue.length === 0 && <Text className='card__line'>目前没有超期未答复的意见。</Text>}
            {data.overdue.map((o) => (
              <View
                key={o.id}
                className='overdue-row'
                data-id={o.id}
                role='button'
                onClick={() => void Taro.navigateTo({ url: `/casework/case/index?id=${o.id}` })}
              >
                <View className='overdue-row__head'>
                  <Text className='overdue-row__id'>#{o.shortId}</Text>
                  <Text className='overdue-row__days'>超期{o.days}天</Text>
                </View>
                <Text className='overdue-row__excerpt'>{o.excerpt}</Text>
                <Text className='overdue-row__who'>
                  {o.stationName} · {o.deputyName} · 应于{o.dueDate}答复
                </Text>
              </View>
            ))}
            {data.moreOverdue && <Text className='card__hint'>这里列出最近的50件，其余请在待办的“已超期”中查看。</Text>}
          </View>
          {charts.byStation && data.byStation && (
            <ChartCard
              title='各站办复率、满意率'
              spec={charts.byStation}
              className='chart-stations'
              drawn={anyRateShown(data.byStation)}
            />
          )}
          {charts.byGroup && data.byGroup && (
            <ChartCard
              title='各人大小组办复率、满意率'
              spec={charts.byGroup}
              className='chart-groups'
              drawn={anyRateShown(data.byGroup)}
            />
          )}
          <ChartCard
            title='各类别办复率、满意率'
            spec={charts.byCategory}
            className='chart-categories'
            drawn={anyRateShown(data.byCategory)}
          />
          {data.cards.map((g) => (
            <View className='card' key={g.key || 'none'}>
              <Text className='card__label'>{g.label}</Text>
              <Text className='card__line'>
                征集 {g.collected} · 答复 {g.replied} · 解决 {g.resolved} · 评价 {g.rated}
              </Text>
              <RateLine name='办复率' rate={g.replyRate} />
              <RateLine name='满意率' rate={g.satisfactionRate} />
            </View>
          ))}
        </>
      )}
      {(me?.role === 'staff' || me?.role === 'admin') && (
        <Button
          className='btn btn--block unit-figures-entry'
          onClick={() => void Taro.navigateTo({ url: '/casework/unit-figures/index' })}
        >
          承办单位办理情况
        </Button>
      )}
      {(me?.role === 'staff' || me?.role === 'admin') && (
        <Button
          className='btn btn--block activity-figures-entry'
          onClick={() => void Taro.navigateTo({ url: '/casework/activity-figures/index' })}
        >
          代表履职统计
        </Button>
      )}
      {(me?.role === 'staff' || me?.role === 'admin') && (
        <Button className='btn btn--block export-sheet' onClick={() => void exportSheet()}>
          导出本期意见（Excel）
        </Button>
      )}
      {me?.role === 'admin' && (
        <View className='card'>
          <Text className='card__label'>年度工作报告</Text>
          <Text className='card__hint'>按本年数据生成工作汇报中的统计段落和各站、各类别表格（.docx）。</Text>
          <Button className='btn btn--primary btn--block annual-report' onClick={() => void annualReport()}>
            生成年度报告
          </Button>
        </View>
      )}
      {report && <Text className='card__line report-status'>{report}</Text>}
    </PageShell>
  );
}
