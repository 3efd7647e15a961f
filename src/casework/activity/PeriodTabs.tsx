import { View } from '@tarojs/components';
import { PERIOD_KEYS, periodOf, type PeriodKey } from './period';

/** This year / last year, as the figures pages choose them. */
export function PeriodTabs(props: { value: PeriodKey; onChange: (key: PeriodKey) => void }) {
  return (
    <View className='options filters' role='tablist' aria-label='统计期间'>
      {PERIOD_KEYS.map((k) => (
        <View
          key={k}
          className={`option option--inline ${k === props.value ? 'option--on' : ''}`}
          role='tab'
          data-period={k}
          aria-selected={k === props.value}
          onClick={() => props.onChange(k)}
        >
          {periodOf(k).label}
        </View>
      ))}
    </View>
  );
}
