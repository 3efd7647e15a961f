import { Text } from '@tarojs/components';
import type { OpinionStatus } from '../domain/opinion';

const TONE: Record<OpinionStatus, string> = {
  submitted: 'chip--muted',
  held: 'chip--warn',
  assigned: 'chip--primary',
  transferred: 'chip--primary',
  replied: 'chip--ok',
  resolved: 'chip--ok',
  closed: 'chip--muted',
  rejected: 'chip--danger',
  withdrawn: 'chip--muted',
};

/** The status of an opinion as a coloured label; the words carry the meaning, the colour only helps. */
export function StatusChip(props: { status: OpinionStatus; label: string; overdue?: boolean }) {
  return (
    <>
      <Text className={`chip ${TONE[props.status]}`}>{props.label}</Text>
      {props.overdue && <Text className='chip chip--danger'>已超期</Text>}
    </>
  );
}
