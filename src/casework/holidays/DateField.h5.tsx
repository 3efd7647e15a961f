import { Text, View } from '@tarojs/components';
import { formatDateZh } from '../../domain/dates';
import type { DateFieldProps } from './DateField';

/**
 * In a browser: the same row, with the browser's own date input laid over it. Taro's H5 date
 * wheel keeps its hidden wheel in the page, about 60 elements per date, and this form has
 * fourteen dates; the browser's input adds one.
 */
export function DateField(props: DateFieldProps) {
  return (
    <View className='date-field date-field--native' data-field={props.field}>
      <Text className='date-field__label'>{props.label}</Text>
      <Text className='date-field__value'>{formatDateZh(props.value)} ›</Text>
      <input
        type='date'
        className='date-field__input'
        aria-label={props.label}
        value={props.value}
        min={`${props.year}-01-01`}
        max={`${props.year}-12-31`}
        // A tap anywhere on the row opens the calendar, as the wheel did (desktop browsers would
        // otherwise open it only from the input's own icon).
        onClick={(e) => e.currentTarget.showPicker?.()}
        // Cleared (an empty value) is not a date: the row keeps the one it had.
        onChange={(e) => e.currentTarget.value && props.onChange(e.currentTarget.value)}
      />
    </View>
  );
}
