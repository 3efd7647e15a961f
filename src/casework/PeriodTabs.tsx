import { View } from '@tarojs/components';
import { PERIOD_KEYS, periodOf, type PeriodKey } from './period';

/** The period a figures page shows, one tab each (this year / last year unless `keys` says more). */
export function PeriodTabs(props: {
  value: PeriodKey;
  onChange: (key: PeriodKey) => void;
  keys?: readonly PeriodKey[];
}) {
  return (
    <View className='options filters' role='tablist' aria-label='统计期间'>
      {(props.keys ?? PERIOD_KEYS).map((k) => (
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
