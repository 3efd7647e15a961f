import { z } from 'zod';
import { idField, textField } from './schema-fields';
import { CATEGORY_IDS } from './categories';
import { isLocalDate } from './dates';
import {
  CLAIM_CODE_LENGTH,
  COMMENT_MAX,
  CONTACT_NAME_MAX,
  CONTENT_MAX,
  CONTENT_MIN,
  MAX_IMAGES,
  REPLY_MAX,
  UNIT_MAX,
} from './input-limits';

// Input schemas of the opinions and casework actions. Their limits are in input-limits.ts, which
// the pages show while the voter types.

const id = idField;

export const categorySchema = z.enum(CATEGORY_IDS, {
  errorMap: () => ({ message: '请选择意见类别' }),
});

export const contactSchema = z.object(
  {
    name: textField('联系人姓名', 1, CONTACT_NAME_MAX),
    phone: z
      .string({ required_error: '请填写联系电话', invalid_type_error: '联系电话格式不正确' })
      .trim()
      .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写正确的手机号或固定电话'),
  },
  { invalid_type_error: '联系方式格式不正确' },
);

/** A photo: a CloudBase storage file id (weapp) or a file of the local server's store (H5). */
/** A stored file's id as the client holds it; whose photo it may be is a service rule (photo-files.ts). */
export const FILE_ID = /^(cloud:\/\/\S{1,240}|local-files\/photos\/[a-f0-9]{16}\/[a-f0-9]{64}\.(jpg|png|webp))$/;

const requestId = z
  .string({ required_error: '缺少请求编号', invalid_type_error: '请求编号格式不正确' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确');

const page = {
  cursor: z.string().max(200, '分页参数不正确').optional(),
  limit: z.number({ invalid_type_error: '分页参数不正确' }).int().min(1).max(50).optional(),
};

export const submitOpinionInput = z
  .object({
    stationId: id('联络站'),
    category: categorySchema,
    content: textField('意见内容', CONTENT_MIN, CONTENT_MAX),
    requestId,
    images: z
      .array(z.string().regex(FILE_ID, '图片格式不正确'), { invalid_type_error: '图片格式不正确' })
      .max(MAX_IMAGES, `最多上传${MAX_IMAGES}张图片`)
      .optional(),
    contact: contactSchema.optional(),
    /** The voter read the personal-information notice; required when a contact is given. */
    consent: z.boolean().optional(),
    anonymous: z.boolean({ invalid_type_error: '匿名选项格式不正确' }).optional(),
  })
  .refine((v) => !v.contact || v.consent === true, { message: '留下联系方式前，请先阅读并同意个人信息说明' });

export const opinionStatusSchema = z.enum(
  ['submitted', 'held', 'assigned', 'transferred', 'replied', 'resolved', 'closed', 'rejected', 'withdrawn'],
  { errorMap: () => ({ message: '状态参数不正确' }) },
);

export const listMineInput = z.object({
  status: opinionStatusSchema.optional(),
  /** The opinions the caller supports (附议) instead of those they submitted or claimed. */
  supported: z.boolean({ invalid_type_error: '列表参数不正确' }).optional(),
  ...page,
});
export const opinionIdInput = z.object({ opinionId: id('意见编号') });
/**
 * opinions.similar: the draft the voter is typing, where and in which category. Not trimmed to
 * CONTENT_MIN: the page asks from SIMILAR_MIN_CHARS (similarity.ts) on, before the text is ready.
 */
export const similarInput = z.object({
  stationId: id('联络站'),
  category: categorySchema,
  content: textField('意见内容', 1, CONTENT_MAX),
});
export const rateInput = z.object({
  opinionId: id('意见编号'),
  satisfaction: z.enum(['satisfied', 'basically_satisfied', 'dissatisfied'], {
    errorMap: () => ({ message: '请选择满意、基本满意或不满意' }),
  }),
  comment: textField('评价意见', 0, COMMENT_MAX).optional(),
});
export const withdrawInput = z.object({
  opinionId: id('意见编号'),
  reason: textField('撤回原因', 0, COMMENT_MAX).optional(),
});
const CLAIM_CODE_PATTERN = new RegExp(`^[A-Z0-9]{${CLAIM_CODE_LENGTH}}$`);
export const claimInput = z.object({
  claimCode: z
    .string({ required_error: '请输入查询码' })
    .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
    .refine((s) => CLAIM_CODE_PATTERN.test(s), `查询码是${CLAIM_CODE_LENGTH}位字母和数字`),
});

export const INBOX_FILTERS = [
  'new',
  'due_soon',
  'overdue',
  'replied',
  'unrouted',
  'held',
  'awaiting_confirmation',
  'review',
  'all',
] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

// The queue is chosen by `filter` alone (listInbox reads no status).
export const inboxInput = z.object({
  filter: z.enum(INBOX_FILTERS, { errorMap: () => ({ message: '筛选条件不正确' }) }).optional(),
  ...page,
});
export const replyInput = z.object({ opinionId: id('意见编号'), content: textField('答复内容', 5, REPLY_MAX) });
export const transferInput = z.object({
  opinionId: id('意见编号'),
  unit: textField('承办单位', 2, UNIT_MAX),
  expectedDate: z.string({ required_error: '请填写预计办结日期' }).refine(isLocalDate, '预计办结日期格式不正确'),
});
export const noteInput = z.object({ opinionId: id('意见编号'), text: textField('备注', 1, 500) });
export const assignInput = z.object({ opinionId: id('意见编号'), deputyId: id('代表').optional() });
export const resolveInput = z.object({ opinionId: id('意见编号'), note: textField('办结说明', 2, 500) });
export const rejectInput = z
  .object({
    opinionId: id('意见编号'),
    kind: z.enum(['out_of_remit', 'duplicate'], { errorMap: () => ({ message: '请选择不予受理的原因类型' }) }),
    reason: textField('不予受理的理由', 2, 300),
    mergedInto: id('合并到的意见编号').optional(),
  })
  .refine((v) => v.kind !== 'duplicate' || Boolean(v.mergedInto), { message: '重复意见请指明合并到哪一条' });
export const intakeInput = z
  .object({
    stationId: id('联络站').optional(),
    category: categorySchema,
    content: textField('意见内容', CONTENT_MIN, CONTENT_MAX),
    requestId,
    contact: contactSchema.optional(),
    consent: z.boolean().optional(),
    anonymous: z.boolean().optional(),
    /** A deputy's own 走访选民 at which the voter raised it (deputies only; it then stays with them). */
    activityId: id('走访记录').optional(),
  })
  .refine((v) => !v.contact || v.consent === true, { message: '记录联系方式前，请确认选民已同意个人信息说明' });
export const issueInviteInput = z.object({
  role: z.enum(['deputy', 'staff', 'unit'], { errorMap: () => ({ message: '请选择邀请的身份' }) }),
  deputyId: id('代表').optional(),
  stationId: id('联络站').optional(),
  /** For a 承办单位 contact's invite: which unit. */
  unitId: id('承办单位').optional(),
});
