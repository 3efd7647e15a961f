import { Button, Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { PageShell } from '../../components/PageShell';
import { ErrorPage, LoadingPage } from '../../components/StatusView';
import { addDays, formatYearDateZh, shanghaiDate } from '../../domain/dates';
import { ROUND_TITLE_MAX } from '../../domain/input-limits';
import { useLoaded } from '../../hooks/use-loaded';
import '../form-fields.css';

type Dates = { opensOn: string; closesOn: string; periodFrom: string; periodTo: string };

const DATE_FIELDS: Array<[keyof Dates, string]> = [
  ['opensOn', '评议开始'],
  ['closesOn', '评议结束'],
  ['periodFrom', '述职期间自'],
  ['periodTo', '述职期间至'],
];

/** Defaults a station can usually keep: two weeks of rating on the year up to yesterday. */
function defaultDates(today: string): Dates {
  return {
    opensOn: today,
    closesOn: addDays(today, 13),
    periodFrom: addDays(today, -365),
    periodTo: addDays(today, -1),
  };
}

/**
 * The years the date wheels offer: a report period reaches back at most five years (the round's
 * rule), and a round opens this year or the next. Unbounded, each wheel would list a thousand
 * years (on H5 a thousand elements in the page for each of the four dates).
 */
function pickerBounds(today: string): { start: string; end: string } {
  const year = Number(today.slice(0, 4));
  return { start: `${year - 5}-01-01`, end: `${year + 1}-12-31` };
}

/**
 * Staff (for the 选区 their station serves) and the committee open a round of 代表述职评议: the
 * district, the days voters may rate, and the period the deputies report on.
 */
export default function EvaluationOpenPage() {
  // The district chosen; a caller who may open rounds in one district only has it chosen already.
  const [chosenDistrict, setChosenDistrict] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [today] = useState(() => shanghaiDate(Date.now()));
  const [dates, setDates] = useState<Dates>(() => defaultDates(today));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const { state, reload } = useLoaded(async () => (await call('evaluations.list', {})).openableDistricts, []);
  const districts = state.kind === 'ready' ? state.data : null;
  const district = chosenDistrict ?? (districts?.length === 1 ? districts[0]! : null);

  const open = async () => {
    if (!district) return;
    setBusy(true);
    setError(null);
    try {
      const round = await call('evaluations.open', {
        district,
        ...dates,
        ...(title.trim() ? { title: title.trim() } : {}),
      });
      await Taro.redirectTo({ url: `/pages/evaluation/index?roundId=${round.id}` });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  if (state.kind === 'error') return <ErrorPage message={state.message} onRetry={() => void reload()} />;
  if (!districts) return <LoadingPage />;
  if (districts.length === 0) {
    return (
      <PageShell>
        <View className='notice notice--info'>
          <Text className='notice__text'>只有人大工委或服务该选区的联络站工作人员可以组织评议。</Text>
        </View>
      </PageShell>
    );
  }
  return (
    <PageShell>
      <View className='card'>
        <Text className='card__label'>选区</Text>
        <ChoiceGroup
          choices={districts.map((d) => ({ id: d, label: d }))}
          value={district}
          onChange={setChosenDistrict}
          label='选区'
          kind='district'
        />
        <Text className='card__hint'>该选区在任的代表都会列入本轮评议。</Text>
      </View>
      <View className='card'>
        <Text className='card__label'>标题（可不填）</Text>
        <Input
          className='input'
          value={title}
          maxlength={ROUND_TITLE_MAX}
          aria-label='评议标题'
          placeholder={
            district ? `${dates.opensOn.slice(0, 4)}年${district}代表述职评议` : '如 2026年第一选区代表述职评议'
          }
          onInput={(e) => setTitle(e.detail.value)}
        />
        {DATE_FIELDS.map(([field, label]) => (
          <Picker
            key={field}
            mode='date'
            value={dates[field]}
            {...pickerBounds(today)}
            onChange={(e) => setDates({ ...dates, [field]: String(e.detail.value) })}
          >
            <View className='setting date-field' data-field={field}>
              <Text className='setting__title'>{label}</Text>
              <Text className='card__line'>{formatYearDateZh(dates[field])} ›</Text>
            </View>
          </Picker>
        ))}
        <Text className='card__hint'>评议期间选民每人对每位代表评议一次；结果在评议结束后公布。</Text>
      </View>
      {error && (
        <View className='notice notice--error'>
          <Text className='notice__text open-round-error'>{error}</Text>
        </View>
      )}
      <Button
        className='btn btn--primary btn--block open-round-button'
        disabled={!district || busy}
        onClick={() => void open()}
      >
        开始评议
      </Button>
    </PageShell>
  );
}
