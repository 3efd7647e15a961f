import { z } from 'zod';
import { ACTIVITY_KINDS, MIN_ATTENDANCE_RANGE } from './activity';
import { dateField, distinctValues, idField, textField } from './schema-fields';
import {
  ACTIVITY_OUTCOME_MAX,
  ACTIVITY_PLACE_MAX,
  ACTIVITY_SUBJECT_MAX,
  ACTIVITY_TITLE_MAX,
  ATTENDANCE_REASON_MAX,
  MAX_ATTENDEES,
  MAX_VOTERS_VISITED,
} from './input-limits';

const activityId = idField('活动编号');

/** activities.record: an activity of the committee or a group, or a deputy's own 走访选民. */
export const recordActivityInput = z
  .object({
    kind: z.enum(ACTIVITY_KINDS, { errorMap: () => ({ message: '请选择活动类型' }) }),
    title: textField('活动名称', 4, ACTIVITY_TITLE_MAX),
    date: dateField('活动日期'),
    place: textField('活动地点', 2, ACTIVITY_PLACE_MAX),
    subject: textField('涉及单位或事项', 2, ACTIVITY_SUBJECT_MAX).optional(),
    /** For a group's activity: which 人大小组 (its 组长 or the committee records it). */
    groupId: idField('人大小组').optional(),
    deputyIds: z
      .array(idField('代表'))
      .max(MAX_ATTENDEES, `一次活动最多${MAX_ATTENDEES}位代表`)
      .refine(distinctValues, '同一位代表只能邀请一次')
      .default([]),
    votersVisited: z
      .number({ invalid_type_error: '走访人数须为数字' })
      .int('走访人数须为整数')
      .min(1, '走访人数至少1人')
      .max(MAX_VOTERS_VISITED, `一次走访最多登记${MAX_VOTERS_VISITED}人`)
      .optional(),
    outcome: textField('活动成果（问题、建议）', 2, ACTIVITY_OUTCOME_MAX).optional(),
    suggestionIds: z
      .array(idField('建议编号'))
      .max(20, '最多关联20件建议')
      .refine(distinctValues, '建议重复')
      .default([]),
    opinionIds: z.array(idField('意见编号')).max(50, '最多关联50条意见').refine(distinctValues, '意见重复').default([]),
    followsActivityId: activityId.optional(),
  })
  .refine((v) => v.kind !== 'voter_visit' || v.votersVisited !== undefined, {
    message: '走访选民请填写走访人数',
    path: ['votersVisited'],
  })
  .refine((v) => v.kind === 'voter_visit' || v.votersVisited === undefined, {
    message: '只有走访选民需要填写走访人数',
    path: ['votersVisited'],
  });

/** activities.markAttendance: 出席 / 请假 (reason) / 缺席; changing a mark needs a reason. */
export const markAttendanceInput = z
  .object({
    activityId,
    deputyId: idField('代表'),
    attendance: z.enum(['present', 'leave', 'absent'], { errorMap: () => ({ message: '请选择出席、请假或缺席' }) }),
    leaveReason: textField('请假原因', 2, ATTENDANCE_REASON_MAX).optional(),
    /** Required when the deputy's attendance was already marked otherwise. */
    correctionReason: textField('更正原因', 2, ATTENDANCE_REASON_MAX).optional(),
  })
  .refine((v) => v.attendance !== 'leave' || v.leaveReason !== undefined, {
    message: '请假请填写原因',
    path: ['leaveReason'],
  });

/** activities.review: station staff confirm (or not) a deputy's own visit. */
export const reviewActivityInput = z.object({
  activityId,
  confirm: z.boolean({ required_error: '请选择确认或不予确认', invalid_type_error: '请选择确认或不予确认' }),
  note: textField('说明', 2, 200).optional(),
});

export const activityIdInput = z.object({ activityId });

/** activities.list: a period, optionally one kind, group or deputy. */
export const listActivitiesInput = z
  .object({
    from: dateField('开始日期').optional(),
    to: dateField('结束日期').optional(),
    kind: z.enum(ACTIVITY_KINDS, { errorMap: () => ({ message: '请选择活动类型' }) }).optional(),
    groupId: idField('人大小组').optional(),
    deputyId: idField('代表').optional(),
    /** Only the visits awaiting the caller's confirmation (staff). */
    pending: z.boolean().optional(),
    cursor: z.string().max(200, '翻页标记过长').optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期' });

/** activities.deputyRecord: one deputy's 履职档案 over a period. */
export const deputyRecordInput = z
  .object({ deputyId: idField('代表'), from: dateField('开始日期'), to: dateField('结束日期') })
  .refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期' });

/** activities.figures: the committee's counts over a period. */
export const activityFiguresInput = z
  .object({ from: dateField('开始日期'), to: dateField('结束日期') })
  .refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期' });

/** activities.setMinAttendance: the attendance the committee expects of a deputy, 30%–100%. */
export const setMinAttendanceInput = z.object({
  minAttendance: z
    .number({ required_error: '请选择出席率要求', invalid_type_error: '出席率要求格式不正确' })
    .min(MIN_ATTENDANCE_RANGE.min, '出席率要求不能低于30%')
    .max(MIN_ATTENDANCE_RANGE.max, '出席率要求不能高于100%'),
});

/** activities.setGroup: the committee names a 人大小组, its 片区, members and 组长. */
export const setGroupInput = z
  .object({
    groupId: idField('人大小组'),
    name: textField('小组名称', 2, 30),
    area: textField('片区', 2, 30),
    memberDeputyIds: z.array(idField('代表')).max(40, '一个小组最多40位代表').refine(distinctValues, '代表重复'),
    leaderDeputyId: idField('组长').optional(),
  })
  .refine((v) => v.leaderDeputyId === undefined || v.memberDeputyIds.includes(v.leaderDeputyId), {
    message: '组长须是小组成员',
    path: ['leaderDeputyId'],
  });
