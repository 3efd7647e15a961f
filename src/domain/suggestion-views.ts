import type { LocalDate } from './dates';
import type { AnswerClass, SuggestionEvent, SuggestionStatus } from './suggestion';

/** What the caller may do to a 建议 now: the pages show only these buttons. */
export interface SuggestionPermissions {
  edit: boolean;
  cosign: boolean;
  submit: boolean;
  withdraw: boolean;
  decline: boolean;
  assign: boolean;
  requestReturn: boolean;
  ruleReturn: boolean;
  extend: boolean;
  coView: boolean;
  answer: boolean;
  feedback: boolean;
  fulfil: boolean;
  supervise: boolean;
}

/** A source opinion as a 建议 shows it: what was raised, never who raised it or how to reach them. */
export interface SuggestionSourceView {
  opinionId: string;
  shortId: string;
  excerpt: string;
  categoryLabel: string;
  stationName: string;
  createdAt: number;
  /** How many voters 附议'd it: the support behind the 建议. */
  supportCount: number;
}

export interface UnitRef {
  id: string;
  name: string;
}

/** A 建议 as its deputies, the committee, station staff and its units see it. */
export interface SuggestionView {
  id: string;
  shortId: string;
  title: string;
  reason: string;
  content: string;
  categoryLabel: string;
  status: SuggestionStatus;
  statusLabel: string;
  lead: { deputyId: string; name: string };
  coSigners: Array<{ deputyId: string; name: string; confirmed: boolean }>;
  sources: SuggestionSourceView[];
  createdAt: number;
  submittedAt?: number;
  decisionDueDate?: LocalDate;
  decline?: { groundLabel: string; note: string; at: number };
  assignment?: {
    leadUnit: UnitRef;
    coUnits: UnitRef[];
    assignedOn: LocalDate;
    dueDate: LocalDate;
    coViewDueDate: LocalDate;
    extension?: { dueDate: LocalDate; reason: string };
  };
  returns: Array<{ unitName: string; reason: string; at: number; ruling?: { label: string; note: string } }>;
  coViews: Array<{ unitName: string; content: string; at: number }>;
  answers: Array<{
    unitName: string;
    answerClass: AnswerClass;
    classLabel: string;
    content: string;
    plannedDate?: LocalDate;
    at: number;
    onTime: boolean;
    round: number;
  }>;
  feedback: Array<{ satisfactionLabel: string; comment?: string; at: number; round: number }>;
  fulfilment?: { note: string; at: number };
  keySupervision?: { reason: string; at: number };
  /** The day the pending step is due, and whether it has passed (督办). */
  pendingDueDate?: LocalDate;
  overdue: boolean;
  /** How many times it was marked overdue (督办) and how many 退回 it met. */
  overdueCount: number;
  events: SuggestionEvent[];
  can: SuggestionPermissions;
}

/** One 建议 in a list. */
export interface SuggestionListItem {
  id: string;
  shortId: string;
  title: string;
  status: SuggestionStatus;
  statusLabel: string;
  leadName: string;
  leadUnitName?: string;
  pendingDueDate?: LocalDate;
  overdue: boolean;
  keySupervision: boolean;
  /** The caller's part in it: 领衔, 附议 (awaiting their confirmation or not), 主办, 协办. */
  roleLabel?: string;
  /** A 附议代表 who has not yet confirmed the draft (待您确认). */
  awaitsYou?: true;
  updatedAt: number;
}

export interface SuggestionListView {
  items: SuggestionListItem[];
  cursor?: string;
}
