import { Picker, Text, View } from '@tarojs/components';
import { formatDateZh } from '../../domain/dates';

export interface DateFieldProps {
  label: string;
  value: string;
  year: number;
  field: string;
  onChange: (v: string) => void;
}

/**
 * A date chosen with the phone's own date wheel, limited to the year being entered. The H5 build
 * picks DateField.h5.tsx; this one is WeChat's (and what type-checking and the page tests see).
 */
export function DateField(props: DateFieldProps) {
  return (
    <Picker
      mode='date'
      value={props.value}
      start={`${props.year}-01-01`}
      end={`${props.year}-12-31`}
      onChange={(e) => props.onChange(String(e.detail.value))}
      aria-label={props.label}
    >
      <View className='date-field' data-field={props.field}>
        <Text className='date-field__label'>{props.label}</Text>
        <Text className='date-field__value'>{formatDateZh(props.value)} ›</Text>
      </View>
    </Picker>
  );
}
