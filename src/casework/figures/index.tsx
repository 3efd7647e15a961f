import { Button, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api/client';
import { addDays, shanghaiDate } from '../../domain/dates';
import type { StatsView } from '../../domain/report-views';
import type { MeView } from '../../domain/views';
import { PageShell } from '../../components/PageShell';
import { RateLine } from '../../components/RateLine';
import { ErrorState, Loading } from '../../components/StatusView';
import { openDocument } from '../../platform/open-document';

type PeriodKey = 'year' | 'days30' | 'lastYear';

// "Today" for the period buttons: the page's clock is the phone's; the figures themselves are the server's.
function periodOf(key: PeriodKey): { from: string; to: string; label: string } {
  const today = shanghaiDate(Date.now());
  const year = Number(today.slice(0, 4));
  if (key === 'days30') return { from: addDays(today, -29), to: today, label: '近30天' };
  if (key === 'lastYear') return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31`, label: `${year - 1}年` };
  return { from: `${year}-01-01`, to: today, label: `${year}年以来` };
}

/** 办理统计: the report's figures for a period, and per station; the committee can render the annual report. */
export default function FiguresPage() {
  const [key, setKey] = useState<PeriodKey>('year');
  const [me, setMe] = useState<MeView | null>(null);
  const [stats, setStats] = useState<StatsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<string | null>(null);

  const load = useCallback(async (chosen: PeriodKey) => {
    setError(null);
    setStats(null);
    try {
      const who = await call('account.me', {});
      setMe(who);
      const { from, to } = periodOf(chosen);
      setStats(await call('reports.stats', { from, to, groupBy: who.role === 'deputy' ? 'category' : 'station' }));
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    void load(key);
  }, [key, load]);

  const annualReport = async () => {
    setReport('正在生成…');
    try {
      const year = Number(shanghaiDate(Date.now()).slice(0, 4));
      const result = await call('reports.annualReport', { year });
      setReport(`已生成${result.year}年度报告（数据截至${result.asOf}）`);
      await openDocument(result.url, 'docx');
    } catch (e) {
      setReport((e as Error).message);
    }
  };

  const exportSheet = async () => {
    setReport('正在导出…');
    try {
      const { from, to } = periodOf(key);
      const result = await call('reports.exportOpinions', { from, to });
      setReport(`已导出${result.rows}条意见`);
      await openDocument(result.url, 'xlsx');
    } catch (e) {
      setReport((e as Error).message);
    }
  };

  return (
    <PageShell>
      <View className='options filters'>
        {(['year', 'days30', 'lastYear'] as PeriodKey[]).map((k) => (
          <View
            key={k}
            className={`option option--inline ${k === key ? 'option--on' : ''}`}
            role='tab'
            aria-selected={k === key}
            onClick={() => setKey(k)}
          >
            {periodOf(k).label}
          </View>
        ))}
      </View>
      {error && <ErrorState message={error} onRetry={() => void load(key)} />}
      {!error && !stats && <Loading />}
      {stats && (
        <>
          <View className='card'>
            <Text className='card__label'>
              {stats.period.from} 至 {stats.period.to}
            </Text>
            <View className='figures'>
              <View className='figure'>
                <Text className='figure__value figure-collected'>{stats.collected}</Text>
                <Text className='figure__name'>征集</Text>
              </View>
              <View className='figure'>
                <Text className='figure__value'>{stats.replied}</Text>
                <Text className='figure__name'>已答复</Text>
              </View>
              <View className='figure'>
                <Text className='figure__value'>{stats.resolved}</Text>
                <Text className='figure__name'>已解决</Text>
              </View>
              <View className='figure'>
                <Text className={`figure__value ${stats.overdue > 0 ? 'figure__value--alert' : ''}`}>
                  {stats.overdue}
                </Text>
                <Text className='figure__name'>超期未答复</Text>
              </View>
            </View>
            <RateLine name='办复率' rate={stats.replyRate} />
            <RateLine name='按期答复率' rate={stats.onTimeRate} />
            <RateLine name='解决率' rate={stats.resolvedRate} />
            <RateLine name='满意率' rate={stats.satisfactionRate} />
            <Text className='card__hint'>比率旁是件数；不足10件的只列件数（样本不足）。</Text>
          </View>
          {(stats.groups ?? []).map((g) => (
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
