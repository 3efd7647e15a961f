import { Text, View } from '@tarojs/components';
import type { Rate } from '../domain/figures';
import type { Withheld } from '../domain/report-views';
import './RateLine.css';

/**
 * A rate with its count beside it; under 10 items the value gives way to 样本不足. A rate the
 * public figures withhold (`Withheld`) has no count to show: only 样本不足.
 */
export function RateLine(props: { name: string; rate: Rate | Withheld }) {
  const { rate } = props;
  if ('withheld' in rate) {
    return (
      <View className='rate-line rate-line--withheld'>
        <Text className='rate-line__name'>{props.name}</Text>
        <Text className='rate-line__value rate-line__value--thin'>{rate.label}</Text>
      </View>
    );
  }
  return (
    <View className='rate-line'>
      <Text className='rate-line__name'>{props.name}</Text>
      <Text className={`rate-line__value ${rate.value === null ? 'rate-line__value--thin' : ''}`}>{rate.label}</Text>
      <Text className='rate-line__count'>
        {rate.numerator}/{rate.denominator}
      </Text>
      {rate.value !== null && rate.value < 1 && (
        <View className='rate-line__bar' style={{ width: `${Math.round(rate.value * 100)}%` }} />
      )}
      {rate.value === 1 && <View className='rate-line__bar' style={{ width: '100%' }} />}
    </View>
  );
}
