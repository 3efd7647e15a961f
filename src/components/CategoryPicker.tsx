import { View } from '@tarojs/components';
import { CATEGORY_IDS, CATEGORY_LABELS, type CategoryId } from '../domain/categories';

/** The nine categories as large tappable choices, one selected at a time. */
export function CategoryPicker(props: { value: CategoryId | null; onChange: (id: CategoryId) => void }) {
  return (
    <View className='options'>
      {CATEGORY_IDS.map((id) => (
        <View
          key={id}
          className={`option option--inline ${props.value === id ? 'option--on' : ''}`}
          data-category={id}
          role='radio'
          aria-checked={props.value === id}
          onClick={() => props.onChange(id)}
        >
          {CATEGORY_LABELS[id]}
        </View>
      ))}
    </View>
  );
}
