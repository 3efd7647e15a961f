import { DatePickerField } from '../DatePickerField';

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
  const { year, ...field } = props;
  return <DatePickerField {...field} start={`${year}-01-01`} end={`${year}-12-31`} />;
}
