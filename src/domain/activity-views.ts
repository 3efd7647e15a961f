import type { LocalDate } from './dates';
import type { Rate } from './figures';
import type { ActivityKind, ActivityScope, ActivityStatus, Attendance } from './activity';

/** What the caller may do to an activity now: the pages show only these buttons. */
export interface ActivityPermissions {
  markAttendance: boolean;
  review: boolean;
  /** The deputy's own visit, not refused: they may take down opinions voters raised on it. */
  intake: boolean;
}

/** One activity as the committee, its group, its deputies and station staff see it. */
export interface ActivityView {
  id: string;
  kind: ActivityKind;
  kindLabel: string;
  title: string;
  date: LocalDate;
  place: string;
  subject?: string;
  scope: ActivityScope;
  group?: { id: string; name: string };
  attendees: Array<{
    deputyId: string;
    name: string;
    attendance: Attendance;
    attendanceLabel: string;
    /** Only to the committee, the group's 组长 and the deputy themselves. */
    leaveReason?: string;
  }>;
  votersVisited?: number;
  outcome?: string;
  suggestions: Array<{ id: string; title: string }>;
  opinionIds: string[];
  followsActivity?: { id: string; title: string; date: LocalDate };
  status: ActivityStatus;
  statusLabel: string;
  review?: { note: string; at: number };
  corrections: Array<{ name: string; fromLabel: string; toLabel: string; reason: string; at: number }>;
  can: ActivityPermissions;
}

export interface ActivityListItem {
  id: string;
  kind: ActivityKind;
  kindLabel: string;
  title: string;
  date: LocalDate;
  place: string;
  status: ActivityStatus;
  statusLabel: string;
  invited: number;
  present: number;
  votersVisited?: number;
  groupName?: string;
}

export interface ActivityListView {
  items: ActivityListItem[];
  cursor?: string;
}

/** A 人大小组 as anyone in the casework pages sees it. */
export interface GroupView {
  id: string;
  name: string;
  area: string;
  leader?: { id: string; name: string };
  members: Array<{ id: string; name: string; stationName: string }>;
}

/**
 * 履职档案: one deputy's record over a period, counted by the stores. Voters see it on the
 * 述职评议 card as counts only (no reason for any absence).
 */
export interface DeputyRecordView {
  deputy: { id: string; name: string; title: string; stationName: string; group?: { id: string; name: string } };
  from: LocalDate;
  to: LocalDate;
  /** 接待日 the deputy was on duty at (held sessions in the period). */
  sessionsOnDuty: number;
  activities: {
    present: number;
    leave: number;
    absent: number;
    /** 出席率 = 出席 ÷ (出席 + 请假 + 缺席). */
    attendanceRate: Rate;
    byKind: Array<{ kind: ActivityKind; label: string; present: number }>;
  };
  /** Voters met at visits the deputy attended (confirmed ones only). */
  votersVisited: number;
  opinions: { handled: number; replied: number; replyRate: Rate };
  suggestions: { led: number; coSigned: number; answered: number; settled: number };
}

/** The committee's activity counts over a period, by kind, by group and by deputy. */
export interface ActivityFiguresView {
  from: LocalDate;
  to: LocalDate;
  byKind: Array<{ kind: ActivityKind; label: string; count: number }>;
  /** 主题接待日: sessions of the period with a theme, counted as their stations' activities. */
  themedReceptions: number;
  votersVisited: number;
  byGroup: Array<{ groupId: string; name: string; activities: number; votersVisited: number }>;
  deputies: Array<{
    deputyId: string;
    name: string;
    groupName?: string;
    present: number;
    leave: number;
    absent: number;
    attendanceRate: Rate;
    votersVisited: number;
  }>;
  /** The attendance the committee expects (0–1) and the deputies below it (with enough activities to judge). */
  minAttendance: number;
  below: string[];
}
