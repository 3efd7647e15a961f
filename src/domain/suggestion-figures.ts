import { daysBetween, shanghaiDate, type LocalDate } from './dates';
import { rate, type Rate } from './figures';
import type { Satisfaction } from './opinion';
import {
  latestAnswer,
  pendingDueDate,
  signersOf,
  unitsOf,
  type AnswerClass,
  type Suggestion,
  type SuggestionStatus,
} from './suggestion';

/**
 * The flat facts of a 建议 the stores index and count (columns on SQLite, top-level fields on
 * CloudBase), derived from the document on every write so that no figure reads a document's
 * history. The figures (docs/DESIGN.md, 代表建议 and 承办单位) count these, by the database.
 */
export interface SuggestionFacts {
  status: SuggestionStatus;
  leadDeputyId: string;
  /** Every signer (领衔 and 附议): whose box it is in. */
  signerDeputyIds: string[];
  /** The 主办 unit now; null before 交办. */
  leadUnitId: string | null;
  /** 主办 and 协办 units now: whose box it is in. */
  unitIds: string[];
  opinionIds: string[];
  submittedAt: number | null;
  /** The instant of the latest 交办 (after a 退回 is granted, of the new one). */
  assignedAt: number | null;
  /** The day the pending step is due (`pendingDueDate`), null when nothing is pending. */
  dueDate: LocalDate | null;
  /** The first answer: when, whether by its due date, calendar days from 交办. */
  answeredAt: number | null;
  answeredOnTime: boolean | null;
  daysToAnswer: number | null;
  /** The class of the latest answer. */
  answerClass: AnswerClass | null;
  /** The latest 征询意见. */
  satisfaction: Satisfaction | null;
  /** One entry per 退回 asked, by the unit that asked (a unit may appear twice). */
  returnedBy: string[];
  /** 督办: overdue marks plus 重点督办 (0 or 1). */
  supervisedCount: number;
}

/** The facts of a 建议 as it now stands (see `SuggestionFacts`). */
export function suggestionFacts(s: Suggestion): SuggestionFacts {
  const first = s.answers.find((a) => a.round === 1) ?? s.answers[0];
  const latest = latestAnswer(s);
  const assignedOn = s.assignment?.assignedOn;
  return {
    status: s.status,
    leadDeputyId: s.leadDeputyId,
    signerDeputyIds: signersOf(s),
    leadUnitId: s.assignment?.leadUnitId ?? null,
    unitIds: unitsOf(s),
    opinionIds: [...s.opinionIds],
    submittedAt: s.submittedAt ?? null,
    assignedAt: s.assignment?.assignedAt ?? null,
    dueDate: pendingDueDate(s) ?? null,
    answeredAt: first?.at ?? null,
    answeredOnTime: first ? first.onTime : null,
    daysToAnswer: first && assignedOn ? Math.max(0, daysBetween(assignedOn, first.answeredOn)) : null,
    answerClass: latest?.answerClass ?? null,
    satisfaction: s.feedback[s.feedback.length - 1]?.satisfaction ?? null,
    returnedBy: s.returns.map((r) => r.unitId),
    supervisedCount: s.overdueFor.length + (s.keySupervision ? 1 : 0),
  };
}

/** What a store counts for one 主办 unit over the 建议 handed to it (交办) in a period. */
export interface UnitCounts {
  unitId: string;
  /** 建议件数: handed to it as 主办. */
  assigned: number;
  answered: number;
  answeredOnTime: number;
  classA: number;
  classB: number;
  classC: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  /** 建议 with at least one 督办 (overdue or 重点督办). */
  supervised: number;
}

/** How many 退回 a unit asked for on 建议 submitted in a period. */
export interface UnitReturnCount {
  unitId: string;
  returns: number;
}

/** How many first answers of a unit came `days` calendar days after 交办 (for the median). */
export interface AnswerDaysCount {
  unitId: string;
  days: number;
  count: number;
}

/** 建议 submitted in a period, by status (the street's 建议件数 and what became of them). */
export type SuggestionStatusCounts = Partial<Record<SuggestionStatus, number>>;

export const ZERO_UNIT_COUNTS: Omit<UnitCounts, 'unitId'> = {
  assigned: 0,
  answered: 0,
  answeredOnTime: 0,
  classA: 0,
  classB: 0,
  classC: 0,
  satisfied: 0,
  basicallySatisfied: 0,
  dissatisfied: 0,
  supervised: 0,
};

/** One row of 承办单位办理情况. */
export interface UnitFigures {
  unitId: string;
  unitName: string;
  assigned: number;
  answered: number;
  /** 办复率 = answered ÷ assigned. */
  answerRate: Rate;
  /** 按期答复率 = answered by the due date ÷ answered. */
  onTimeRate: Rate;
  classA: number;
  classB: number;
  classC: number;
  withFeedback: number;
  /** 满意率 = (满意 + 基本满意) ÷ with 征询意见. */
  satisfactionRate: Rate;
  returns: number;
  supervised: number;
  /** Median calendar days from 交办 to the first answer; null before any answer. */
  medianDaysToAnswer: number | null;
}

/** 承办单位办理情况 and the street's 建议 figures over a period. */
export interface UnitFiguresView {
  from: LocalDate;
  to: LocalDate;
  /** 建议 submitted in the period (not drafts, not withdrawn). */
  submitted: number;
  declined: number;
  street: Omit<UnitFigures, 'unitId' | 'unitName'>;
  units: UnitFigures[];
}

/**
 * The median of a histogram of days (the lower middle value for an even count): how long a
 * unit usually takes, unmoved by one 建议 left for a year.
 */
export function medianOfCounts(rows: ReadonlyArray<{ days: number; count: number }>): number | null {
  const sorted = [...rows].filter((r) => r.count > 0).sort((a, b) => a.days - b.days);
  const total = sorted.reduce((n, r) => n + r.count, 0);
  if (total === 0) return null;
  const middle = Math.ceil(total / 2);
  let seen = 0;
  for (const row of sorted) {
    seen += row.count;
    if (seen >= middle) return row.days;
  }
  return null;
}

/**
 * One unit's row from its counts: 办复率 = answered ÷ assigned, 按期答复率 = on time ÷ answered,
 * 满意率 = (满意 + 基本满意) ÷ with 征询意见, each a `Rate` (样本不足 below MIN_SAMPLE, with its
 * Wilson interval), as the opinion figures are.
 */
export function unitFiguresFrom(
  unitId: string,
  unitName: string,
  c: Omit<UnitCounts, 'unitId'>,
  returns: number,
  days: ReadonlyArray<{ days: number; count: number }>,
): UnitFigures {
  const withFeedback = c.satisfied + c.basicallySatisfied + c.dissatisfied;
  return {
    unitId,
    unitName,
    assigned: c.assigned,
    answered: c.answered,
    answerRate: rate(c.answered, c.assigned),
    onTimeRate: rate(c.answeredOnTime, c.answered),
    classA: c.classA,
    classB: c.classB,
    classC: c.classC,
    withFeedback,
    satisfactionRate: rate(c.satisfied + c.basicallySatisfied, withFeedback),
    returns,
    supervised: c.supervised,
    medianDaysToAnswer: medianOfCounts(days),
  };
}

/** Whether a 建议's pending step is past due on `now` (the day after its due date). */
export function isSuggestionOverdue(s: Suggestion, now: number): boolean {
  const due = pendingDueDate(s);
  return due !== undefined && shanghaiDate(now) > due;
}
