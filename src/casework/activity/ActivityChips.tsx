import { Text } from '@tarojs/components';
import type { ActivityStatus, Attendance } from '../../domain/activity';

const STATUS_TONE: Record<ActivityStatus, string> = {
  recorded: 'chip--muted',
  pending: 'chip--warn',
  confirmed: 'chip--ok',
  rejected: 'chip--danger',
};

const ATTENDANCE_TONE: Record<Attendance, string> = {
  invited: 'chip--muted',
  present: 'chip--ok',
  leave: 'chip--warn',
  absent: 'chip--danger',
};

/** An activity's status as a chip; the words carry the meaning, the colour only helps. */
export function ActivityStatusChip(props: { status: ActivityStatus; label: string }) {
  return <Text className={`chip ${STATUS_TONE[props.status]} activity-status`}>{props.label}</Text>;
}

/** A deputy's attendance (出席 / 请假 / 缺席 / 待登记) as a chip. */
export function AttendanceChip(props: { attendance: Attendance; label: string }) {
  return (
    <Text className={`chip ${ATTENDANCE_TONE[props.attendance]} attendance-chip`} data-attendance={props.attendance}>
      {props.label}
    </Text>
  );
}
