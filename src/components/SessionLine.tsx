import { Text, View } from '@tarojs/components';
import { formatDateZh } from '../domain/dates';
import type { SessionView } from '../domain/views';

/** One reception day: date and hours, then what a voter must know about it. */
export function SessionLine(props: { session: SessionView; showDeputies?: boolean }) {
  const { session } = props;
  const cancelled = session.status === 'cancelled';
  return (
    <View className={`session ${cancelled ? 'session--cancelled' : ''}`}>
      <View className='session__when'>
        <Text className='session__date'>{formatDateZh(session.date)}</Text>
        <Text className='session__time'>
          {session.start}–{session.end}
        </Text>
        {cancelled && <Text className='chip chip--danger'>暂停接待</Text>}
        {session.status === 'moved' && <Text className='chip chip--warn'>已改期</Text>}
        {session.provisional && !cancelled && <Text className='chip chip--muted'>待公布</Text>}
      </View>
      {session.theme && !cancelled && <Text className='session__theme'>主题：{session.theme}</Text>}
      {session.reason && <Text className='session__note'>{session.reason}</Text>}
      {session.shiftedFor && !cancelled && session.status !== 'moved' && (
        <Text className='session__note'>因{session.shiftedFor}顺延</Text>
      )}
      {session.provisional && !cancelled && <Text className='session__note'>当年节假日安排尚未公布，日期可能调整</Text>}
      {props.showDeputies && !cancelled && session.deputiesOnDuty.length > 0 && (
        <Text className='session__note'>接待代表：{session.deputiesOnDuty.join('、')}</Text>
      )}
    </View>
  );
}
