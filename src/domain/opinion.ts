import type { CategoryId } from './categories';
import type { LocalDate } from './dates';

/** Where an opinion is in its life (docs/DESIGN.md, The opinion lifecycle). */
export type OpinionStatus =
  'submitted' | 'held' | 'assigned' | 'transferred' | 'replied' | 'resolved' | 'closed' | 'rejected' | 'withdrawn';

export const OPINION_STATUS_LABELS: Record<OpinionStatus, string> = {
  submitted: '已提交',
  held: '审核中',
  assigned: '代表办理中',
  transferred: '已转承办单位',
  replied: '已答复',
  resolved: '已办结',
  closed: '已评价',
  rejected: '未受理',
  withdrawn: '已撤回',
};

export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

export interface Contact {
  name: string;
  phone: string;
}

/** What the voter agreed to when a contact was given: when, and which version of 个人信息说明. */
export interface Consent {
  at: number;
  version: string;
}

/** 意见建议: one voter's opinion and everything that happened to it. */
/** How an opinion reached the station (`Opinion.source`). */
export type OpinionSource = 'app' | 'walk_in' | 'visit';

/** Opinions recorded for a voter by someone else, which the voter claims with a code. */
export const RECORDED_FOR_VOTER: readonly OpinionSource[] = ['walk_in', 'visit'];

/** How the export names each source. */
export const OPINION_SOURCE_LABELS: Record<OpinionSource, string> = {
  app: '小程序',
  walk_in: '接待日登记',
  visit: '代表走访登记',
};

export interface Opinion {
  id: string;
  stationId: string;
  category: CategoryId;
  content: string;
  /** File ids in storage; at most 9. */
  images: string[];
  /** Photos the image check has not cleared yet: shown to their voter only. */
  hiddenImages?: string[];
  contact?: Contact;
  /** The consent under which `contact` is held (src/domain/personal-data.ts); goes with it. */
  consent?: Consent;
  /** Hide the voter's contact from the deputy (staff still see it). */
  anonymous: boolean;
  /** The voter's OPENID; for a walk-in or visit opinion, empty until the voter claims it. */
  authorOpenid: string;
  /**
   * app: the voter submitted it; walk_in: staff recorded it at a reception day; visit: a deputy
   * recorded it at their own 走访选民 (it stays with that deputy).
   */
  source: OpinionSource;
  /** For walk-in and visit opinions: the code the voter enters to follow it in the app. */
  claimCode?: string;
  /** Who submitted it: the voter, or the staff member or deputy who recorded it for them. */
  submittedBy: string;
  /** The client's idempotency key: a retry with the same key gives back this opinion. */
  requestId: string;
  status: OpinionStatus;
  /** Raised by one on every change: a change based on an older version is refused. */
  version: number;
  assignedDeputyId?: string;
  /** Why the opinion went where it went; shown to staff. */
  routingReason?: string;
  createdAt: number;
  assignedAt?: number;
  /** The last day (Asia/Shanghai) by which a reply is due. */
  replyDueDate?: LocalDate;
  /** The due date a 催办 reminder was sent for (once per due date). */
  remindedFor?: LocalDate;
  /** The due date whose passing was escalated to staff (once per due date). */
  escalatedFor?: LocalDate;
  reply?: { content: string; deputyId: string; at: number };
  transfer?: { unit: string; expectedDate: LocalDate; at: number };
  resolution?: { note: string; at: number; by: string };
  rating?: { satisfaction: Satisfaction; comment?: string; at: number };
  /** How many times a 不满意 rating sent it back to the deputy (at most once). */
  reopenCount: number;
  /** A second 不满意: staff must look at it before it is closed. */
  staffReview?: boolean;
  rejection?: { kind: 'out_of_remit' | 'duplicate'; reason: string; mergedInto?: string; at: number };
  updatedAt: number;
  /**
   * How many voters support it (附议), as the store keeps it beside the opinion: raised by a
   * 附议 and by a merge carrying supporters over, never by a change of the case, so whatever a
   * change writes in it is ignored. Absent when nobody does.
   */
  supportCount?: number;
}

export type ActorRole = 'voter' | 'deputy' | 'staff' | 'admin' | 'unit' | 'system';

/** One line of an opinion's timeline. Internal lines (notes, routing detail) are for deputies and staff. */
export interface TimelineEvent {
  opinionId: string;
  at: number;
  actorRole: ActorRole;
  /** A display name (代表 陈建国, 工作人员, 系统) — never an OPENID. */
  actorName: string;
  kind: string;
  /** What happened, in plain Chinese. */
  text: string;
  visibility: 'public' | 'internal';
}

/**
 * 138****5678, 0574-****0288: what everyone but the voter, the assigned deputy and the
 * station's staff sees of a phone number — the last four digits, and a landline's area code.
 */
export function maskPhone(phone: string): string {
  const dash = phone.indexOf('-');
  if (dash > 0) return `${phone.slice(0, dash + 1)}${maskPhone(phone.slice(dash + 1))}`;
  if (phone.length <= 4) return '*'.repeat(phone.length);
  const keep = phone.length >= 11 ? 3 : 0;
  return `${phone.slice(0, keep)}****${phone.slice(-4)}`;
}

/** The six characters staff and voters quote an opinion by (编号), the end of its id in capitals. */
export function shortIdOf(opinionId: string): string {
  return opinionId.slice(-6).toUpperCase();
}

/**
 * Whether an opinion can carry a duplicate merged into it: not one the voter withdrew or that was
 * not accepted — the voter of the duplicate is sent to follow it.
 */
export function acceptsMerges(status: OpinionStatus): boolean {
  return status !== 'withdrawn' && status !== 'rejected';
}
