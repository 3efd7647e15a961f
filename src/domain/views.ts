import type { CategoryId } from './categories';
import type { NoticeHoliday } from './holiday-arrangement';
import type { ArrangementSource } from './holiday-calendar';
import type { Contact, OpinionSource, OpinionStatus, Satisfaction } from './opinion';
import type { ReceptionSession } from './reception-calendar';
import type { Role } from './roles';
import type { PublicDeputy, Station } from './station';

// The shapes the functions answer with: one definition shared by the services that
// build them and the app that shows them.

/** A reception session as the app shows it. */
export interface SessionView {
  /** 'YYYY-MM': the month whose session this is; a session moved late in a month may fall in the next. */
  month: string;
  date: string;
  start: string;
  end: string;
  status: ReceptionSession['status'];
  /** The year's holiday arrangement is not published: the date may still change (待公布). */
  provisional: boolean;
  theme?: string;
  reason?: string;
  /** The holiday or weekend the session was moved past. */
  shiftedFor?: string;
  /** Names of the deputies on duty (all of the station's when staff named none). */
  deputiesOnDuty: string[];
}

export type StationSummary = Station & {
  deputyCount: number;
  nextSessions: SessionView[];
  distanceMeters?: number;
};

export type StationDetail = Station & {
  deputies: PublicDeputy[];
  sessions: SessionView[];
  /** Whether the caller follows the station's reception days (absent without a caller). */
  following?: boolean;
};

/** Something the caller must do, shown on 我的 (the committee: next year's holiday arrangement). */
export interface ReminderView {
  kind: 'holiday_arrangement';
  /** The year whose arrangement is missing. */
  year: number;
}

export interface MeView {
  role: Role;
  roleLabel: string;
  displayName?: string;
  station?: { id: string; name: string };
  deputy?: { id: string; name: string };
  /** The 承办单位 a unit contact answers for. */
  unit?: { id: string; name: string };
  /** Messages written to the caller since they last opened their 消息 list. */
  unreadMessages: number;
  /** Template ids to ask for at each moment; empty where WeChat messages are not configured. */
  subscribe: SubscribeTemplateIds;
  /** The storage folder the caller's photos are uploaded to (src/domain/photo-files.ts). */
  photoFolder: string;
  /** Admins only, when something is due (holidayArrangementDue). */
  reminders?: ReminderView[];
}

/** One year of the holiday calendar as the committee's page shows it. */
export interface HolidayYearView {
  year: number;
  source: ArrangementSource;
  sourceLabel: string;
  /** The days off the calendar uses, as notice lines (for a statutory year: the statutory days). */
  holidays: NoticeHoliday[];
  /** The holidays fixed by law that year: where an entry the committee removed starts again. */
  statutory: NoticeHoliday[];
  restDays: number;
  workdays: number;
}

/** stations.holidayYears: this year and next, and which of them is due to be loaded. */
export interface HolidayYearsView {
  today: string;
  due: { year: number } | null;
  years: HolidayYearView[];
}

/** What the app may do with an opinion, computed on the server for the viewer. */
export interface OpinionActions {
  withdraw: boolean;
  /** The author may erase the contact they gave (src/domain/personal-data.ts). */
  eraseContact: boolean;
  rate: boolean;
  reply: boolean;
  transfer: boolean;
  note: boolean;
  assign: boolean;
  resolve: boolean;
  reject: boolean;
  release: boolean;
  close: boolean;
}

export interface TimelineLine {
  at: number;
  actorName: string;
  /** What kind of step it records ('replied', 'suggestion.answered', …): the page picks lines out by it. */
  kind: string;
  text: string;
  internal: boolean;
}

/** One opinion as a given viewer may see it: contact masked or hidden by the rules. */
export interface OpinionView {
  id: string;
  /** The last six characters, read out on the phone. */
  shortId: string;
  station: { id: string; name: string };
  category: CategoryId;
  categoryLabel: string;
  content: string;
  images: string[];
  status: OpinionStatus;
  statusLabel: string;
  source: OpinionSource;
  createdAt: number;
  replyDueDate?: string;
  overdue: boolean;
  assignedDeputy?: { id: string; name: string };
  /**
   * Full for the station's staff, the voter who gave it in the app and the assigned deputy (unless
   * anonymous); none for whoever claimed a walk-in; masked otherwise.
   */
  contact?: Contact;
  anonymous: boolean;
  reply?: { content: string; deputyName: string; at: number };
  transfer?: { unit: string; expectedDate: string; at: number };
  resolution?: { note: string; at: number };
  rating?: { satisfaction: Satisfaction; label: string; comment?: string; at: number };
  rejection?: { kind: 'out_of_remit' | 'duplicate'; reason: string; mergedInto?: string; at: number };
  reopenCount: number;
  staffReview: boolean;
  /** How many voters support it (附议), never who. */
  supportCount: number;
  /** The caller supports it: they follow it, but it is not theirs to withdraw, rate or erase. */
  supportedByMe: boolean;
  /** Staff and admins only. */
  routingReason?: string;
  /** Staff only: the code the walk-in voter was given, and when it lapses (ms). */
  claimCode?: string;
  claimCodeExpiresAt?: number;
  timeline: TimelineLine[];
  can: OpinionActions;
}

/** A line of a list: enough to recognise the opinion and its state. */
export interface OpinionSummary {
  id: string;
  shortId: string;
  stationName: string;
  category: CategoryId;
  categoryLabel: string;
  excerpt: string;
  status: OpinionStatus;
  statusLabel: string;
  createdAt: number;
  replyDueDate?: string;
  overdue: boolean;
  assignedDeputyName?: string;
  staffReview: boolean;
  /** How many voters support it (附议). */
  supportCount: number;
  /** In the caller's list of the opinions they support (我附议的). */
  supportedByMe?: true;
}

/**
 * An open opinion that reads like the voter's draft (opinions.similar): enough to recognise it
 * and support it, nothing about who raised it — no contact, author, photos or internal lines.
 */
export interface SimilarOpinionView {
  id: string;
  shortId: string;
  /** The start of its text, at most 60 characters. */
  excerpt: string;
  category: CategoryId;
  categoryLabel: string;
  status: OpinionStatus;
  statusLabel: string;
  supportCount: number;
  createdAt: number;
  /** The caller already supports it. */
  supportedByMe: boolean;
  /** The caller raised it (and cannot support their own). */
  mine: boolean;
}

export interface SimilarOpinionsView {
  items: SimilarOpinionView[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface SubmitResult {
  opinionId: string;
  status: OpinionStatus;
  assignedDeputyId: string | null;
  replyDueAt: string | null;
}

/** What `account.erase` removed: how many of each kind of the voter's records. */
export interface ErasedAccountView {
  /** Opinions kept for the figures without their contact and without a link to the voter. */
  opinions: number;
  contacts: number;
  follows: number;
  messages: number;
  subscriptions: number;
  readMarks: number;
  districts: number;
  /** Their 附议 of others' opinions, deleted (the opinions' counts drop by as many). */
  supports: number;
}

/** One line of a person's 消息 list. */
export interface MessageView {
  id: string;
  title: string;
  text: string;
  at: number;
  read: boolean;
  /** The page it opens, with its query ('/pages/opinion/index?id=…'). */
  url: string;
  /** What became of it as a WeChat message: sent, not sent (not allowed, or it failed), or still to be sent. */
  delivery: 'sent' | 'not_sent' | 'pending';
}

export interface MessagesView extends Page<MessageView> {
  unread: number;
}

/** The WeChat subscription templates the app asks for at each moment (only those configured). */
export type SubscribeTemplateIds = Partial<
  Record<'submit' | 'follow' | 'casework' | 'oversight' | 'handling', string[]>
>;
