import { addDays, addMonths, type LocalDate, shanghaiDate } from '../../src/domain/dates';
import type { Satisfaction } from '../../src/domain/opinion';
import type { AnswerClass, Suggestion } from '../../src/domain/suggestion';

// 代表建议 as the services would leave them after each step, built by hand for the store tests:
// `aSuggestion(fields, submitted(t), assigned('u1', t2), answered('A', t3))`. Each step sets what
// the step records and `updatedAt`; none checks the lifecycle (the domain's tests do).

/** Monday 2 March 2026, 10:00 in Shanghai. */
export const SG_T0 = Date.UTC(2026, 2, 2, 2, 0);
export const DAY_MS = 24 * 60 * 60 * 1000;

export type SuggestionStep = (s: Suggestion) => Suggestion;

/** A draft 建议 of deputy d01 written at SG_T0, changed by `steps` in order. */
export function aSuggestion(fields: Partial<Suggestion> = {}, ...steps: SuggestionStep[]): Suggestion {
  const draft: Suggestion = {
    id: 'sg-1',
    title: '环城西路路灯长期不亮',
    reason: '环城西路二十多盏路灯坏了三个月，夜里老人出门看不清路。',
    content: '建议县交通局尽快修复路灯，并每季度巡查一次。',
    category: 'transport',
    leadDeputyId: 'd01',
    coSigners: [],
    opinionIds: [],
    status: 'draft',
    version: 1,
    createdAt: SG_T0,
    updatedAt: SG_T0,
    returns: [],
    coViews: [],
    answers: [],
    feedback: [],
    overdueFor: [],
    events: [],
    ...fields,
  };
  return steps.reduce((s, step) => step(s), draft);
}

/** The same 建议 one change later: the next version, with `fields` changed. */
export const changed = (s: Suggestion, fields: Partial<Suggestion> = {}): Suggestion => ({
  ...s,
  ...fields,
  version: s.version + 1,
});

export const coSignedBy =
  (...deputyIds: string[]): SuggestionStep =>
  (s) => ({ ...s, coSigners: deputyIds.map((deputyId) => ({ deputyId, confirmedAt: s.createdAt })) });

export const submitted =
  (at: number): SuggestionStep =>
  (s) => ({
    ...s,
    status: 'submitted',
    submittedAt: at,
    submittedOn: shanghaiDate(at),
    decisionDueDate: addDays(shanghaiDate(at), 7),
    updatedAt: at,
    events: [...s.events, { at, actorName: '代表', kind: 'submitted', text: '提交了建议' }],
  });

/** 交办 to `leadUnitId` (and 协办 `coUnitIds`), due 3 months later; a later one replaces it. */
export const assigned =
  (leadUnitId: string, at: number, coUnitIds: string[] = []): SuggestionStep =>
  (s) => {
    const on = shanghaiDate(at);
    return {
      ...s,
      status: 'assigned',
      assignment: {
        leadUnitId,
        coUnitIds,
        assignedAt: at,
        assignedOn: on,
        dueDate: addMonths(on, 3),
        coViewDueDate: addMonths(on, 1),
      },
      updatedAt: at,
    };
  };

export const declined =
  (at: number): SuggestionStep =>
  (s) => ({ ...s, status: 'declined', decline: { ground: 'personal_matter', note: '个人事务', at }, updatedAt: at });

export const withdrawn =
  (at: number): SuggestionStep =>
  (s) => ({ ...s, status: 'withdrawn', updatedAt: at });

/** A unit asks for 退回. */
export const returnAsked =
  (unitId: string, at: number): SuggestionStep =>
  (s) => ({
    ...s,
    status: 'returned',
    returns: [...s.returns, { unitId, reason: '不属于本单位职责', at }],
    updatedAt: at,
  });

/** The 主办 unit answers (round 1, or 2 after a 不满意). */
export const answered =
  (answerClass: AnswerClass, at: number, onTime = true): SuggestionStep =>
  (s) => ({
    ...s,
    status: 'answered',
    answers: [
      ...s.answers,
      {
        unitId: s.assignment?.leadUnitId ?? '',
        answerClass,
        content: '已安排维修，本月底前全部修复。',
        ...(answerClass === 'B' ? { plannedDate: addMonths(shanghaiDate(at), 6) } : {}),
        at,
        answeredOn: shanghaiDate(at),
        onTime,
        round: s.answers.length + 1,
      },
    ],
    updatedAt: at,
  });

/** The 领衔 deputy's 征询意见: settled, or 再办 within a month after a 不满意. */
export const rated =
  (satisfaction: Satisfaction, at: number): SuggestionStep =>
  (s) => ({
    ...s,
    status: satisfaction === 'dissatisfied' ? 'redo' : 'settled',
    feedback: [...s.feedback, { satisfaction, comment: '路灯已经亮了', at, round: s.answers.length }],
    ...(satisfaction === 'dissatisfied' ? { redoDueDate: addMonths(shanghaiDate(at), 1) } : {}),
    updatedAt: at,
  });

/** A 督办 notice for a passed due date. */
export const markedOverdue =
  (dueDate: LocalDate): SuggestionStep =>
  (s) => ({ ...s, overdueFor: [...s.overdueFor, dueDate] });

/** 重点督办, chosen by the committee. */
export const keySupervised =
  (at: number): SuggestionStep =>
  (s) => ({ ...s, keySupervision: { reason: '群众反映强烈', at }, updatedAt: at });
