import { Text, View } from '@tarojs/components';
import { daysInMonth, localDate, shiftMonth, weekday, yearMonth } from '../domain/dates';
import type { SessionView } from '../domain/views';
import './SessionCalendar.css';

const HEADINGS = ['日', '一', '二', '三', '四', '五', '六'];

/** Month grids from the first session's month, with reception days marked. */
export function SessionCalendar(props: { sessions: SessionView[]; months?: number }) {
  const first = props.sessions[0];
  if (!first) return null;
  const start = yearMonth(first.date);
  const byDate = new Map(props.sessions.map((s) => [s.date, s]));
  return (
    <View className='calendar'>
      {Array.from({ length: props.months ?? 2 }, (_, i) => shiftMonth(start.year, start.month, i)).map(
        ({ year, month }) => {
          const lead = weekday(localDate(year, month, 1));
          const days = daysInMonth(year, month);
          return (
            <View className='calendar__month' key={`${year}-${month}`}>
              <Text className='calendar__title'>
                {year}年{month}月
              </Text>
              <View className='calendar__grid'>
                {HEADINGS.map((h) => (
                  <Text className='calendar__cell calendar__cell--head' key={h}>
                    {h}
                  </Text>
                ))}
                {Array.from({ length: lead }, (_, k) => (
                  <Text className='calendar__cell' key={`pad-${k}`} />
                ))}
                {Array.from({ length: days }, (_, k) => {
                  const date = localDate(year, month, k + 1);
                  const session = byDate.get(date);
                  const mark = session
                    ? session.status === 'cancelled'
                      ? 'calendar__day--cancelled'
                      : 'calendar__day--session'
                    : '';
                  const label = session
                    ? `${month}月${k + 1}日 ${session.status === 'cancelled' ? '暂停接待' : '接待日'}`
                    : undefined;
                  return (
                    <View className='calendar__cell' key={date}>
                      <Text className={`calendar__day ${mark}`} aria-label={label}>
                        {k + 1}
                      </Text>
                    </View>
                  );
                })}
              </View>
            </View>
          );
        },
      )}
      <View className='calendar__legend'>
        <Text className='calendar__swatch calendar__swatch--session' /> <Text>接待日</Text>
        <Text className='calendar__swatch calendar__swatch--cancelled' /> <Text>暂停</Text>
      </View>
    </View>
  );
}
