import { SATISFACTION_LABELS, type Satisfaction } from '../domain/opinion';
import { ChoiceGroup } from './ChoiceGroup';

const CHOICES = (['satisfied', 'basically_satisfied', 'dissatisfied'] as const).map((id) => ({
  id,
  label: SATISFACTION_LABELS[id],
}));

/** 满意 / 基本满意 / 不满意 as three large radio buttons: rating an opinion's outcome, or a deputy. */
export function SatisfactionChoice(props: {
  value: Satisfaction | null;
  onChange: (choice: Satisfaction) => void;
  label: string;
}) {
  return (
    <ChoiceGroup
      choices={CHOICES}
      value={props.value}
      onChange={props.onChange}
      label={props.label}
      kind='satisfaction'
    />
  );
}
