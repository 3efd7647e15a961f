import type { CategoryId } from './categories';
import type { LocalDate } from './dates';
import type { Satisfaction } from './opinion';

/**
 * 代表建议: a deputy's formal suggestion, grown from voters' opinions, handed by the committee to
 * 承办单位 who answer it, and rated by its 领衔 deputy (docs/DESIGN.md, 代表建议 and 承办单位).
 */
export type SuggestionStatus =
  'draft' | 'submitted' | 'declined' | 'assigned' | 'returned' | 'answered' | 'redo' | 'settled' | 'withdrawn';

export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  declined: '不予立案',
  assigned: '已交办',
  returned: '申请退回',
  answered: '已答复',
  redo: '再办中',
  settled: '已办结',
  withdrawn: '已撤回',
};

/** The statuses in which a unit still owes an answer or the committee still owes a decision. */
export const SUGGESTION_OPEN_STATUSES: readonly SuggestionStatus[] = [
  'submitted',
  'assigned',
  'returned',
  'answered',
  'redo',
];

/** The class a unit gives its answer (the grading in local rules on 代表建议). */
export type AnswerClass = 'A' | 'B' | 'C';

export const ANSWER_CLASS_LABELS: Record<AnswerClass, string> = {
  A: 'A 已解决或基本解决',
  B: 'B 列入计划逐步解决',
  C: 'C 因条件限制难以解决',
};

/** Why the committee does not accept a 建议 (不予立案): the common grounds of local rules. */
export type DeclineGround = 'outside_powers' | 'personal_matter' | 'forwarded_letter' | 'no_substance' | 'other';

export const DECLINE_GROUND_LABELS: Record<DeclineGround, string> = {
  outside_powers: '不属于本级国家机关职权范围',
  personal_matter: '属于代表本人及其亲属的个人事务',
  forwarded_letter: '属于转交来信、没有代表本人意见',
  no_substance: '没有具体内容或内容不明确',
  other: '其他原因',
};

/** 承办单位: a body the committee hands 建议 to (县交通局, 住建局内河处, 市场监管所 …). */
export interface HandlingUnit {
  id: string;
  name: string;
  active: boolean;
  sortOrder: number;
}

/** A deputy who joins a 建议 as 附议代表 (联名); the 建议 is submitted once each has confirmed. */
export interface CoSigner {
  deputyId: string;
  confirmedAt?: number;
}

/** 交办: the units a 建议 is handed to, and the clocks that run from that day. */
export interface UnitAssignment {
  leadUnitId: string;
  coUnitIds: string[];
  assignedAt: number;
  /** The day of 交办, from which the months are counted. */
  assignedOn: LocalDate;
  /** 3 months after 交办, or the extended date (at most 6 months after). */
  dueDate: LocalDate;
  /** 协办 units give their views to the 主办 by this day (1 month after 交办). */
  coViewDueDate: LocalDate;
  extension?: { dueDate: LocalDate; reason: string; at: number };
}

/** A unit's request to have the assignment changed, and the committee's ruling on it. */
export interface ReturnRequest {
  unitId: string;
  reason: string;
  at: number;
  ruling?: { decision: 'reassigned' | 'refused'; note: string; at: number };
}

/** A 主办 unit's answer; `round` 1 is the first, 2 the 再办 after a 不满意. */
export interface UnitAnswer {
  unitId: string;
  answerClass: AnswerClass;
  content: string;
  /** For class B: when the unit plans to have it done. */
  plannedDate?: LocalDate;
  at: number;
  answeredOn: LocalDate;
  /** Whether it came by the due date of its round. */
  onTime: boolean;
  round: number;
}

/** One line of a 建议's own timeline (who, when, what), shown to those who may see the 建议. */
export interface SuggestionEvent {
  at: number;
  actorName: string;
  kind: string;
  text: string;
}

/** 代表建议 and everything that happened to it. */
export interface Suggestion {
  id: string;
  title: string;
  /** 案由: the problem, as the opinions raised it. */
  reason: string;
  /** 建议内容: what the deputies propose. */
  content: string;
  category: CategoryId;
  /** 领衔代表. */
  leadDeputyId: string;
  /** 附议代表 (联名). */
  coSigners: CoSigner[];
  /** The opinions it grew from (each held by the 领衔 deputy when drafted). */
  opinionIds: string[];
  status: SuggestionStatus;
  /** Raised by one on every change: a change based on an older version is refused. */
  version: number;
  createdAt: number;
  updatedAt: number;
  submittedAt?: number;
  submittedOn?: LocalDate;
  /** The committee decides by this day: 5 working days after submission. */
  decisionDueDate?: LocalDate;
  decline?: { ground: DeclineGround; note: string; at: number };
  assignment?: UnitAssignment;
  returns: ReturnRequest[];
  coViews: Array<{ unitId: string; content: string; at: number }>;
  answers: UnitAnswer[];
  /** 征询意见 of the 领衔 deputy, one per answer rated. */
  feedback: Array<{ satisfaction: Satisfaction; comment?: string; at: number; round: number }>;
  /** After a 不满意: the unit answers again by this day (1 month later). */
  redoDueDate?: LocalDate;
  /** A B-class answer's plan carried out, as its unit reports. */
  fulfilment?: { note: string; at: number };
  /** 重点督办, chosen by the committee. */
  keySupervision?: { reason: string; at: number };
  /** The due dates whose passing brought a 督办 notice (once per due date). */
  overdueFor: LocalDate[];
  /** The due date a reminder was sent before (once per due date). */
  remindedFor?: LocalDate;
  events: SuggestionEvent[];
}

/** The latest answer, if any. */
export function latestAnswer(s: Pick<Suggestion, 'answers'>): UnitAnswer | undefined {
  return s.answers[s.answers.length - 1];
}

/**
 * The day the pending step of a 建议 is due, or none: the committee's decision while submitted,
 * the answer while assigned or returned (a 退回 does not stop the clock), the second answer in 再办.
 */
export function pendingDueDate(s: Suggestion): LocalDate | undefined {
  switch (s.status) {
    case 'submitted':
      return s.decisionDueDate;
    case 'assigned':
    case 'returned':
      return s.assignment?.extension?.dueDate ?? s.assignment?.dueDate;
    case 'redo':
      return s.redoDueDate;
    default:
      return undefined;
  }
}

/** The units a 建议 is in the hands of now (主办 first), none before 交办. */
export function unitsOf(s: Pick<Suggestion, 'assignment'>): string[] {
  return s.assignment ? [s.assignment.leadUnitId, ...s.assignment.coUnitIds] : [];
}

/** Every deputy who signed a 建议: the 领衔 first, then the 附议代表. */
export function signersOf(s: Pick<Suggestion, 'leadDeputyId' | 'coSigners'>): string[] {
  return [s.leadDeputyId, ...s.coSigners.map((c) => c.deputyId)];
}
