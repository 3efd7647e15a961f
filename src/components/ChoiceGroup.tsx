import { View } from '@tarojs/components';

/**
 * Large tappable choices, one selected at a time: a radio group an elderly voter can hit with a
 * thumb. `kind` names the data attribute each choice carries (data-category="housing", …).
 */
export function ChoiceGroup<T extends string>(props: {
  choices: ReadonlyArray<{ id: T; label: string }>;
  value: T | null | undefined;
  onChange: (id: T) => void;
  label: string;
  kind: string;
}) {
  return (
    <View className='options' role='radiogroup' aria-label={props.label}>
      {props.choices.map((c) => (
        <View
          key={c.id}
          className={`option option--inline ${props.value === c.id ? 'option--on' : ''}`}
          {...{ [`data-${props.kind}`]: c.id }}
          role='radio'
          aria-checked={props.value === c.id}
          onClick={() => props.onChange(c.id)}
        >
          {c.label}
        </View>
      ))}
    </View>
  );
}
