import { View } from '@tarojs/components';
import { SATISFACTION_LABELS, type Satisfaction } from '../domain/opinion';

const CHOICES: Satisfaction[] = ['satisfied', 'basically_satisfied', 'dissatisfied'];

/** 满意 / 基本满意 / 不满意 as three large radio buttons: rating an opinion's outcome, or a deputy. */
export function SatisfactionChoice(props: {
  value: Satisfaction | null;
  onChange: (choice: Satisfaction) => void;
  label: string;
}) {
  return (
    <View className='options' role='radiogroup' aria-label={props.label}>
      {CHOICES.map((c) => (
        <View
          key={c}
          className={`option option--inline ${props.value === c ? 'option--on' : ''}`}
          data-satisfaction={c}
          role='radio'
          aria-checked={props.value === c}
          onClick={() => props.onChange(c)}
        >
          {SATISFACTION_LABELS[c]}
        </View>
      ))}
    </View>
  );
}
