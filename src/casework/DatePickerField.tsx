import { Picker, Text, View } from '@tarojs/components';
import { formatDateZh, type LocalDate } from '../domain/dates';
import './form-fields.css';

export interface DatePickerFieldProps {
  label: string;
  value: LocalDate;
  start?: LocalDate;
  end?: LocalDate;
  /** Marks the row (`data-field`) for the page's tests. */
  field: string;
  onChange: (v: LocalDate) => void;
}

/** A date from the phone's own date wheel (between `start` and `end` when given), shown as a labelled row. */
export function DatePickerField(props: DatePickerFieldProps) {
  return (
    <Picker
      mode='date'
      value={props.value}
      {...(props.start ? { start: props.start } : {})}
      {...(props.end ? { end: props.end } : {})}
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
