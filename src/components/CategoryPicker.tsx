import { CATEGORY_IDS, CATEGORY_LABELS, type CategoryId } from '../domain/categories';
import { ChoiceGroup } from './ChoiceGroup';

const CATEGORIES = CATEGORY_IDS.map((id) => ({ id, label: CATEGORY_LABELS[id] }));

/** The nine categories as large tappable choices, one selected at a time. */
export function CategoryPicker(props: { value: CategoryId | null; onChange: (id: CategoryId) => void }) {
  return (
    <ChoiceGroup choices={CATEGORIES} value={props.value} onChange={props.onChange} label='意见类别' kind='category' />
  );
}
