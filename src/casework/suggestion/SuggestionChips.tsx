import { Text } from '@tarojs/components';
import type { SuggestionStatus } from '../../domain/suggestion';

const TONE: Record<SuggestionStatus, string> = {
  draft: 'chip--muted',
  submitted: 'chip--warn',
  declined: 'chip--muted',
  assigned: 'chip--primary',
  returned: 'chip--warn',
  answered: 'chip--ok',
  redo: 'chip--warn',
  settled: 'chip--ok',
  withdrawn: 'chip--muted',
};

/**
 * A 建议's status and its marks as coloured labels — 待立案 for those who decide, 已超期,
 * 重点督办, 待您确认 for a 附议代表: the words carry the meaning, the colour only helps.
 */
export function SuggestionChips(props: {
  status: SuggestionStatus;
  label: string;
  overdue: boolean;
  keySupervision: boolean;
  awaitingDecision?: boolean;
  awaitsYou?: boolean;
}) {
  return (
    <>
      <Text className={`chip ${TONE[props.status]}`}>{props.label}</Text>
      {props.awaitsYou && <Text className='chip chip--warn'>待您确认</Text>}
      {props.awaitingDecision && <Text className='chip chip--warn'>待立案</Text>}
      {props.keySupervision && <Text className='chip chip--primary'>重点督办</Text>}
      {props.overdue && <Text className='chip chip--danger'>已超期</Text>}
    </>
  );
}
