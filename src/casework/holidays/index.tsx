import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { ApiError, call } from '../../api/client';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { PageShell } from '../../components/PageShell';
import { ErrorPage, LoadingPage } from '../../components/StatusView';
import {
  ARRANGEMENT_WORKDAYS_MAX,
  arrangementFromNotice,
  HOLIDAY_NAMES,
  type NoticeHoliday,
  restRangeZh,
  suggestedWorkday,
  workdayZh,
} from '../../domain/holiday-arrangement';
import type { HolidayYearView } from '../../domain/views';
import { useLoaded } from '../../hooks/use-loaded';
import { DateField } from './DateField';
import '../form-fields.css';
import './index.css';

/**
 * One year as the calendar has it: where its days off come from, and the days, notice-style —
 * shown at once for an arrangement the committee entered, on request otherwise (the form below
 * already lists the year being entered).
 */
function YearCard(props: { year: HolidayYearView }) {
  const y = props.year;
  const [open, setOpen] = useState(y.source === 'loaded');
  useEffect(() => setOpen(y.source === 'loaded'), [y.source]);
  return (
    <View className='card year-card' data-year={y.year} data-source={y.source}>
      <View className='card__head'>
        <Text className='card__title'>{y.year}年</Text>
        <Text className={`chip ${y.source === 'statutory' ? 'chip--warn' : 'chip--ok'}`}>
          {y.source === 'statutory' ? '待公布' : '已公布'}
        </Text>
      </View>
      <Text className='card__line year-card__source'>{y.sourceLabel}</Text>
      <Text className='card__hint'>
        {y.source === 'statutory'
          ? `法定节日${y.restDays}天，调休尚不知道`
          : `放假${y.restDays}天，调休上班${y.workdays}天`}
      </Text>
      {open &&
        y.holidays.map((h) => (
          <View className='holiday-line' key={`${h.name}-${h.from}`}>
            <Text className='holiday-line__name'>{h.name}</Text>
            <Text className='holiday-line__text'>{restRangeZh(h)}</Text>
            {h.workdays.length > 0 && (
              <Text className='holiday-line__text'>{h.workdays.map(workdayZh).join('、')}上班</Text>
            )}
          </View>
        ))}
      <Button className='btn btn--block year-card__toggle' onClick={() => setOpen(!open)}>
        {open ? '收起' : `查看${y.year}年放假日期`}
      </Button>
    </View>
  );
}

/** The lines a year's form starts from: what the calendar uses now, or the statutory days. */
function startingLines(year: HolidayYearView): NoticeHoliday[] {
  const lines = year.holidays.length > 0 ? year.holidays : year.statutory;
  return lines.map((h) => ({ ...h, workdays: [...h.workdays] }));
}

/**
 * 节假日安排 (the committee): which years the calendar knows and from where, and next year's
 * arrangement entered as the State Council's notice states it — each holiday's days off and its
 * make-up working days — checked here and again by the server before it is saved.
 */
export default function HolidaysPage() {
  // The year chosen (null: the one due, else the latest) and the lines as edited (null: as the
  // calendar has that year): both follow the loaded years until the committee changes them.
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const [edited, setEdited] = useState<NoticeHoliday[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const { state, reload } = useLoaded(() => call('stations.holidayYears', {}), []);

  if (state.kind === 'error') return <ErrorPage message={state.message} onRetry={() => void reload()} />;
  if (state.kind === 'loading') return <LoadingPage />;
  const view = state.data;
  const shown =
    view.years.find((y) => y.year === chosenYear) ??
    view.years.find((y) => y.year === view.due?.year) ??
    view.years[view.years.length - 1]!;
  const year = shown.year;
  const lines = edited ?? startingLines(shown);

  const change = (index: number, next: Partial<NoticeHoliday>) => {
    setMessage(null);
    setEdited(lines.map((h, i) => (i === index ? { ...h, ...next } : h)));
  };
  const chooseYear = (id: string) => {
    const chosen = view.years.find((y) => String(y.year) === id);
    if (!chosen) return;
    setMessage(null);
    setChosenYear(chosen.year);
    setEdited(null);
  };
  const missing = HOLIDAY_NAMES.filter((name) => !lines.some((h) => h.name === name));
  const addHoliday = (name: string) => {
    const statutory = view.years.find((y) => y.year === year)?.statutory.find((h) => h.name === name);
    const added = statutory ?? { name, from: `${year}-01-01`, to: `${year}-01-01`, workdays: [] };
    setMessage(null);
    setEdited([...lines, added].sort((a, b) => (a.from < b.from ? -1 : 1)));
  };
  const allWorkdays = lines.flatMap((h) => h.workdays);

  const save = async () => {
    setMessage(null);
    const checked = arrangementFromNotice(year, lines);
    if (!checked.ok) {
      setMessage({ ok: false, text: checked.message });
      return;
    }
    setBusy(true);
    try {
      const saved = await call('stations.setHolidayArrangement', checked.arrangement);
      // The saved year stays chosen, its lines now as the calendar has them.
      await reload();
      setChosenYear(saved.year);
      setEdited(null);
      setMessage({
        ok: true,
        text: `已保存${saved.year}年放假安排：放假${saved.holidays}天，调休上班${saved.workdays}天。这一年的接待日已按此安排。`,
      });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiError ? e.message : '保存失败，请重试' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell>
      <View className='hero'>
        <Text className='hero__title'>节假日安排</Text>
        <Text className='hero__sub'>接待日遇放假顺延；调休上班日照常接待。</Text>
      </View>
      {view.due && (
        <View className='notice holiday-due' role='alert'>
          <Text className='notice__text'>
            {view.due.year}年的放假安排还没有录入，这一年的接待日显示“待公布”。国务院办公厅通知发布后，请在下面录入。
          </Text>
        </View>
      )}
      {view.years.map((y) => (
        <YearCard key={y.year} year={y} />
      ))}

      <View className='card holiday-form'>
        <Text className='card__label'>录入放假安排</Text>
        <ChoiceGroup
          choices={view.years.map((y) => ({ id: String(y.year), label: `${y.year}年` }))}
          value={String(year)}
          onChange={chooseYear}
          label='年份'
          kind='form-year'
        />
        <Text className='card__hint'>
          已按现有安排或法定节日预填。请对照国务院办公厅通知，逐项核对放假日期和调休上班日。
        </Text>
      </View>

      {lines.map((h, index) => (
        <View className='card holiday-entry' key={`${h.name}-${index}`} data-holiday={h.name}>
          <View className='card__head'>
            <Text className='card__title'>{h.name}</Text>
            <Button
              className='btn btn--small btn--tall'
              onClick={() => {
                setMessage(null);
                setEdited(lines.filter((_, i) => i !== index));
              }}
            >
              移除
            </Button>
          </View>
          <Text className='field-label'>放假</Text>
          <DateField
            label='从'
            field='from'
            year={year}
            value={h.from}
            onChange={(from) => change(index, { from, ...(h.to < from ? { to: from } : {}) })}
          />
          <DateField label='到' field='to' year={year} value={h.to} onChange={(to) => change(index, { to })} />
          <Text className='field-label'>调休上班</Text>
          {h.workdays.length === 0 && <Text className='card__hint'>没有调休上班日</Text>}
          {h.workdays.map((w, k) => (
            <View className='workday-row' key={`${w}-${k}`}>
              <DateField
                label='上班'
                field='workday'
                year={year}
                value={w}
                onChange={(date) => change(index, { workdays: h.workdays.map((d, j) => (j === k ? date : d)) })}
              />
              <Button
                className='btn btn--small btn--tall workday-row__remove'
                onClick={() => change(index, { workdays: h.workdays.filter((_, j) => j !== k) })}
              >
                删除
              </Button>
            </View>
          ))}
          <Button
            className='btn btn--block add-workday'
            disabled={allWorkdays.length >= ARRANGEMENT_WORKDAYS_MAX}
            onClick={() => change(index, { workdays: [...h.workdays, suggestedWorkday(h, allWorkdays)] })}
          >
            添加调休上班日
          </Button>
        </View>
      ))}

      {missing.length > 0 && (
        <View className='card'>
          <Text className='card__label'>添加节日</Text>
          <Text className='card__hint'>两个节日连在一起放假时（如中秋、国庆），可移除一个，把日子都填在另一个里。</Text>
          <View className='actions actions--wrap'>
            {missing.map((name) => (
              <Button key={name} className='btn add-holiday' onClick={() => addHoliday(name)}>
                {name}
              </Button>
            ))}
          </View>
        </View>
      )}

      {message && (
        <View
          className={`notice ${message.ok ? 'notice--ok' : 'notice--error'}`}
          role={message.ok ? 'status' : 'alert'}
        >
          <Text className='notice__text holiday-message'>{message.text}</Text>
        </View>
      )}
      <Button className='btn btn--primary btn--block save-holidays' disabled={busy} onClick={() => void save()}>
        保存{year}年放假安排
      </Button>
    </PageShell>
  );
}
