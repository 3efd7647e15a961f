import type { LocalDate } from './dates';

/**
 * 履职: the committee's and the deputies' work as data — 人大小组 (the middle of the three levels,
 * 人大工委 → 人大小组 → 代表), activities with each invited deputy's attendance, and deputies' own
 * visits to voters (docs/DESIGN.md, 履职).
 */

/** 人大小组: the deputies of one 片区, led by a 组长, who hold the monthly 片区座谈会. */
export interface DeputyGroup {
  id: string;
  name: string;
  /** 片区: the part of the street the group covers. */
  area: string;
  memberDeputyIds: string[];
  /** 组长: one of the members. */
  leaderDeputyId?: string;
  sortOrder: number;
}

/** The kinds of activity the work report counts. */
export const ACTIVITY_KINDS = [
  'law_enforcement_inspection',
  'research_inspection',
  'special_inquiry',
  'special_deliberation',
  'work_report_hearing',
  'training',
  'exchange_meeting',
  'liaison_forum',
  'voter_visit',
  'quarterly_meeting',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  law_enforcement_inspection: '执法检查',
  research_inspection: '调研视察',
  special_inquiry: '专题询问',
  special_deliberation: '专题审议',
  work_report_hearing: '听取工作汇报',
  training: '代表培训',
  exchange_meeting: '人大工作交流会',
  liaison_forum: '代表联络座谈会',
  voter_visit: '走访选民',
  quarterly_meeting: '季度工作例会',
};

/** The kinds a 人大小组 holds (its 组长 records them): its 片区座谈会 and its members' visits. */
export const GROUP_KINDS: readonly ActivityKind[] = ['liaison_forum', 'voter_visit', 'research_inspection'];

/** Whether an invited deputy came: 出席, 请假 (with a reason), 缺席; 待登记 until marked. */
export type Attendance = 'invited' | 'present' | 'leave' | 'absent';

export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  invited: '待登记',
  present: '出席',
  leave: '请假',
  absent: '缺席',
};

export interface Attendee {
  deputyId: string;
  attendance: Attendance;
  /** Why they were on leave (请假): shown to the committee and the deputy, never to voters. */
  leaveReason?: string;
}

/** A change of a deputy's attendance once marked: never silent. */
export interface AttendanceCorrection {
  deputyId: string;
  from: Attendance;
  to: Attendance;
  reason: string;
  at: number;
  by: string;
}

/**
 * Who recorded it: the committee, a 人大小组 (its 组长), or a deputy's own 走访选民 / 上门访谈,
 * which counts only once station staff confirm it.
 */
export type ActivityScope = 'committee' | 'group' | 'deputy';

/** `recorded` counts at once; a deputy's own visit is `pending` until staff `confirmed` or `rejected` it. */
export type ActivityStatus = 'recorded' | 'pending' | 'confirmed' | 'rejected';

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  recorded: '已登记',
  pending: '待确认',
  confirmed: '已确认',
  rejected: '未确认',
};

/** 履职活动: one activity and everything recorded about it. */
export interface Activity {
  id: string;
  kind: ActivityKind;
  title: string;
  date: LocalDate;
  place: string;
  /** The unit or subject concerned (e.g. 县交通运输局, 2027年财政预算). */
  subject?: string;
  scope: ActivityScope;
  groupId?: string;
  /** For a deputy's own visit: their station, whose staff confirm it. */
  stationId?: string;
  recordedBy: string;
  attendees: Attendee[];
  /** For 走访选民: how many voters were met. */
  votersVisited?: number;
  /** What was raised: problems and proposals. */
  outcome?: string;
  /** 建议 and opinions it produced. */
  suggestionIds: string[];
  opinionIds: string[];
  /** 回头看: the activity this one follows up. */
  followsActivityId?: string;
  status: ActivityStatus;
  review?: { by: string; at: number; note: string };
  corrections: AttendanceCorrection[];
  version: number;
  createdAt: number;
  updatedAt: number;
}

/** Whether an activity counts in the figures: recorded by the committee or a group, or a visit staff confirmed. */
export function activityCounts(a: Pick<Activity, 'status'>): boolean {
  return a.status === 'recorded' || a.status === 'confirmed';
}

/** The group a deputy belongs to (one at most), if any. */
export function groupOf(groups: readonly DeputyGroup[], deputyId: string): DeputyGroup | undefined {
  return groups.find((g) => g.memberDeputyIds.includes(deputyId));
}

/** The attendance the committee expects of a deputy by default (出席率), and the fewest activities to judge it by. */
export const DEFAULT_MIN_ATTENDANCE = 0.6;
/** The range the committee may set the expected attendance in (activities.setMinAttendance). */
export const MIN_ATTENDANCE_RANGE = { min: 0.3, max: 1 } as const;

/**
 * The expected attendance as stored (a setting's text): the committee's value when it is a number
 * within MIN_ATTENDANCE_RANGE, else DEFAULT_MIN_ATTENDANCE — never set, or unreadable.
 */
export function minAttendanceOf(stored: string | null): number {
  const value = stored === null ? Number.NaN : Number(stored);
  return Number.isFinite(value) && value >= MIN_ATTENDANCE_RANGE.min && value <= MIN_ATTENDANCE_RANGE.max
    ? value
    : DEFAULT_MIN_ATTENDANCE;
}
export const MIN_ACTIVITIES_TO_JUDGE = 5;
