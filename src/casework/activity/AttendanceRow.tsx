import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ATTENDANCE_LABELS, type Attendance } from '../../domain/activity';
import { ATTENDANCE_REASON_MAX } from '../../domain/input-limits';
import type { ActivityView } from '../../domain/activity-views';
import { AttendanceChip } from './ActivityChips';
import '../form-fields.css';

type Attendee = ActivityView['attendees'][number];
type Mark = Exclude<Attendance, 'invited'>;
const MARKS: Mark[] = ['present', 'leave', 'absent'];

/** What a mark sends: the attendance, and the reasons it needs. */
export interface MarkRequest {
  deputyId: string;
  attendance: Mark;
  leaveReason?: string;
  correctionReason?: string;
}

/**
 * One invited deputy: their attendance and, for whoever may mark it, 出席 / 请假 / 缺席. 请假 asks
 * why; changing a mark already made asks 更正原因 (the change is listed under the activity).
 */
export function AttendanceRow(props: {
  attendee: Attendee;
  canMark: boolean;
  /** A deputy's own visit: they are its one attendee, present by definition. */
  own?: boolean;
  busy: boolean;
  onMark: (request: MarkRequest) => Promise<boolean>;
}) {
  const a = props.attendee;
  const [choice, setChoice] = useState<Mark | null>(null);
  const [leaveReason, setLeaveReason] = useState('');
  const [correction, setCorrection] = useState('');
  const correcting = a.attendance !== 'invited';

  const send = async (attendance: Mark) => {
    const ok = await props.onMark({
      deputyId: a.deputyId,
      attendance,
      ...(attendance === 'leave' ? { leaveReason } : {}),
      ...(correcting ? { correctionReason: correction } : {}),
    });
    if (ok) {
      setChoice(null);
      setLeaveReason('');
      setCorrection('');
    }
  };
  // A first mark of 出席 or 缺席 needs nothing more: it is sent at the tap.
  const pick = (attendance: Mark) => {
    if (attendance === a.attendance) return;
    if (!correcting && attendance !== 'leave') void send(attendance);
    else setChoice(choice === attendance ? null : attendance);
  };
  const ready =
    choice !== null &&
    (choice !== 'leave' || leaveReason.trim().length >= 2) &&
    (!correcting || correction.trim().length >= 2);

  return (
    <View className='attendee' data-deputy-id={a.deputyId}>
      <View className='attendee__head'>
        <Text className='attendee__name'>{a.name}</Text>
        {!props.own && <AttendanceChip attendance={a.attendance} label={a.attendanceLabel} />}
      </View>
      {a.leaveReason && <Text className='card__hint attendee__reason'>请假原因：{a.leaveReason}</Text>}
      {props.canMark && (
        <View className='attendee__marks'>
          {MARKS.map((m) => (
            <Button
              key={m}
              className={`btn btn--small btn--tall mark-${m} ${choice === m || a.attendance === m ? 'btn--primary' : ''}`}
              disabled={props.busy}
              aria-pressed={a.attendance === m}
              onClick={() => pick(m)}
            >
              {ATTENDANCE_LABELS[m]}
            </Button>
          ))}
        </View>
      )}
      {choice && (
        <View className='attendee__form'>
          {correcting && (
            <Text className='card__hint'>
              由“{a.attendanceLabel}”改为“{ATTENDANCE_LABELS[choice]}”，更正会记入活动记录。
            </Text>
          )}
          {choice === 'leave' && (
            <Input
              className='input leave-reason'
              value={leaveReason}
              maxlength={ATTENDANCE_REASON_MAX}
              placeholder='请假原因（如：外出开会）'
              onInput={(e) => setLeaveReason(e.detail.value)}
              aria-label='请假原因'
            />
          )}
          {correcting && (
            <Input
              className='input correction-reason'
              value={correction}
              maxlength={ATTENDANCE_REASON_MAX}
              placeholder='更正原因（如：登记有误）'
              onInput={(e) => setCorrection(e.detail.value)}
              aria-label='更正原因'
            />
          )}
          <Button
            className='btn btn--primary btn--block send-mark'
            disabled={props.busy || !ready}
            onClick={() => void send(choice)}
          >
            {correcting ? '确认更正' : `登记${ATTENDANCE_LABELS[choice]}`}
          </Button>
        </View>
      )}
    </View>
  );
}
