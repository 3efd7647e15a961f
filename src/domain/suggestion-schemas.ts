import { z } from 'zod';
import { categorySchema } from './opinion-schemas';
import { dateField, distinctValues, idField, textField } from './schema-fields';
import {
  MAX_COSIGNERS,
  MAX_CO_UNITS,
  MAX_SOURCE_OPINIONS,
  SUGGESTION_CONTENT_MAX,
  SUGGESTION_NOTE_MAX,
  SUGGESTION_REASON_MAX,
  SUGGESTION_TITLE_MAX,
  SUGGESTION_TITLE_MIN,
  UNIT_ANSWER_MAX,
} from './input-limits';

// Input schemas of the suggestions actions. Their limits are in input-limits.ts, shown while typing.

const suggestionId = idField('建议编号');
const unitId = idField('承办单位');

/** What a 建议 says and whom and what it cites, as drafted and as edited. */
const suggestionBody = {
  title: textField('建议标题', SUGGESTION_TITLE_MIN, SUGGESTION_TITLE_MAX),
  reason: textField('案由', 10, SUGGESTION_REASON_MAX),
  content: textField('建议内容', 10, SUGGESTION_CONTENT_MAX),
  category: categorySchema,
  opinionIds: z
    .array(idField('意见编号'), { required_error: '请选择形成建议的群众意见' })
    .min(1, '请至少选择一条群众意见')
    .max(MAX_SOURCE_OPINIONS, `一件建议最多引用${MAX_SOURCE_OPINIONS}条意见`)
    .refine(distinctValues, '同一条意见只能引用一次'),
  coSignerIds: z
    .array(idField('附议代表'))
    .max(MAX_COSIGNERS, `附议代表最多${MAX_COSIGNERS}位`)
    .refine(distinctValues, '同一位代表只能附议一次')
    .default([]),
};

/** suggestions.draft: a new 建议 led by the calling deputy. */
export const draftSuggestionInput = z.object(suggestionBody);

/** suggestions.edit: the draft's text, opinions and co-signers replaced (confirmations start again). */
export const editSuggestionInput = z.object({ suggestionId, ...suggestionBody });

export const suggestionIdInput = z.object({ suggestionId });

/** suggestions.list: the caller's box, optionally only open or only finished ones. */
export const listSuggestionsInput = z.object({
  state: z.enum(['open', 'finished', 'all'], { errorMap: () => ({ message: '请选择建议的范围' }) }).default('all'),
  cursor: z.string().max(200, '翻页标记过长').optional(),
});

export const withdrawSuggestionInput = z.object({
  suggestionId,
  reason: textField('撤回原因', 2, SUGGESTION_NOTE_MAX),
});

export const declineSuggestionInput = z.object({
  suggestionId,
  ground: z.enum(['outside_powers', 'personal_matter', 'forwarded_letter', 'no_substance', 'other'], {
    errorMap: () => ({ message: '请选择不予立案的理由' }),
  }),
  note: textField('说明', 4, SUGGESTION_NOTE_MAX),
});

const units = {
  leadUnitId: unitId,
  coUnitIds: z
    .array(unitId)
    .max(MAX_CO_UNITS, `协办单位最多${MAX_CO_UNITS}个`)
    .refine(distinctValues, '同一个协办单位只能选一次')
    .default([]),
};

/** suggestions.assign: 立案 and 交办 to one 主办 and any 协办 units. */
export const assignSuggestionInput = z
  .object({ suggestionId, ...units })
  .refine((v) => !v.coUnitIds.includes(v.leadUnitId), { message: '主办单位不能同时是协办单位' });

export const requestReturnInput = z.object({ suggestionId, reason: textField('退回理由', 4, SUGGESTION_NOTE_MAX) });

/** suggestions.ruleReturn: the committee hands it to other units, or keeps it where it is. */
export const ruleReturnInput = z
  .object({
    suggestionId,
    decision: z.enum(['reassign', 'refuse'], { errorMap: () => ({ message: '请选择同意改交或不同意退回' }) }),
    note: textField('说明', 2, SUGGESTION_NOTE_MAX),
    leadUnitId: unitId.optional(),
    coUnitIds: units.coUnitIds,
  })
  .refine((v) => v.decision === 'refuse' || v.leadUnitId !== undefined, {
    message: '改交时请选择新的主办单位',
    path: ['leadUnitId'],
  })
  .refine((v) => v.leadUnitId === undefined || !v.coUnitIds.includes(v.leadUnitId), {
    message: '主办单位不能同时是协办单位',
  });

export const extendSuggestionInput = z.object({
  suggestionId,
  dueDate: dateField('延期后的答复期限'),
  reason: textField('延期理由', 4, SUGGESTION_NOTE_MAX),
});

export const coViewInput = z.object({ suggestionId, content: textField('协办意见', 10, UNIT_ANSWER_MAX) });

/** suggestions.answer: the 主办 unit's answer with its class; B names its planned date. */
export const answerSuggestionInput = z
  .object({
    suggestionId,
    answerClass: z.enum(['A', 'B', 'C'], { errorMap: () => ({ message: '请选择答复类别（A、B、C）' }) }),
    content: textField('答复内容', 20, UNIT_ANSWER_MAX),
    plannedDate: dateField('计划完成日期').optional(),
  })
  .refine((v) => v.answerClass !== 'B' || v.plannedDate !== undefined, {
    message: 'B类答复请填写计划完成日期',
    path: ['plannedDate'],
  });

/** suggestions.feedback: the 领衔 deputy's 征询意见; 不满意 says what was wrong. */
export const suggestionFeedbackInput = z
  .object({
    suggestionId,
    satisfaction: z.enum(['satisfied', 'basically_satisfied', 'dissatisfied'], {
      errorMap: () => ({ message: '请选择满意、基本满意或不满意' }),
    }),
    comment: textField('意见', 2, SUGGESTION_NOTE_MAX).optional(),
  })
  .refine((v) => v.satisfaction !== 'dissatisfied' || v.comment !== undefined, {
    message: '不满意时请写明哪里不满意',
    path: ['comment'],
  });

export const fulfilSuggestionInput = z.object({ suggestionId, note: textField('落实情况', 4, SUGGESTION_NOTE_MAX) });

export const superviseSuggestionInput = z.object({
  suggestionId,
  reason: textField('重点督办理由', 4, SUGGESTION_NOTE_MAX),
});

/** suggestions.figures: 承办单位办理情况 over a period of 交办 dates. */
export const suggestionFiguresInput = z
  .object({ from: dateField('开始日期'), to: dateField('结束日期') })
  .refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期' });
