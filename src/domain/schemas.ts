import { z } from 'zod';
import { idField } from './schema-fields';
import { isLocalDate } from './dates';
import { AppError } from './errors';
import {
  ARRANGEMENT_HOLIDAYS_MAX,
  ARRANGEMENT_WORKDAYS_MAX,
  arrangementProblem,
  HOLIDAY_NAME_MAX,
} from './holiday-arrangement';
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH, normalizeInviteCode } from './invites';

const id = idField;

export const geoPointSchema = z.object(
  {
    latitude: z
      .number({ invalid_type_error: '纬度必须是数字' })
      .finite()
      .min(-90, '纬度超出范围')
      .max(90, '纬度超出范围'),
    longitude: z
      .number({ invalid_type_error: '经度必须是数字' })
      .finite()
      .min(-180, '经度超出范围')
      .max(180, '经度超出范围'),
  },
  { invalid_type_error: '位置格式不正确', required_error: '请提供位置' },
);

export const stationsListInput = z.object({ near: geoPointSchema.optional() });
export const stationsGetInput = z.object({ stationId: id('联络站编号') });

export const accountMeInput = z.object({});
export const accountRedeemInviteInput = z.object({
  code: z
    .string({ required_error: '请输入邀请码', invalid_type_error: '邀请码格式不正确' })
    .max(32, '邀请码格式不正确')
    .transform(normalizeInviteCode)
    .refine(
      (code) => code.length === INVITE_CODE_LENGTH && [...code].every((c) => INVITE_CODE_ALPHABET.includes(c)),
      `邀请码是${INVITE_CODE_LENGTH}位字母和数字`,
    ),
});

/** The envelope of every call: an action name plus its fields. */
export const eventSchema = z.object(
  {
    action: z
      .string({ required_error: '缺少操作名称（action）', invalid_type_error: '操作名称（action）格式不正确' })
      .min(1, '缺少操作名称（action）')
      .max(64, '操作名称（action）格式不正确'),
  },
  { invalid_type_error: '请求格式不正确', required_error: '请求格式不正确' },
);

/**
 * Parse `input` with `schema`, or throw INVALID_INPUT carrying the first problem in plain
 * Chinese. Unknown fields are dropped, so a payload cannot smuggle in e.g. an `openid`.
 */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const message =
    issue && !issue.message.startsWith('Required') && /[\u4e00-\u9fa5]/.test(issue.message)
      ? issue.message
      : '提交的内容格式不正确';
  throw new AppError('INVALID_INPUT', message);
}

const namedDate = z.object({
  date: z
    .string({ required_error: '请提供日期', invalid_type_error: '日期须为 YYYY-MM-DD 格式的真实日期' })
    .refine(isLocalDate, '日期须为 YYYY-MM-DD 格式的真实日期'),
  name: z
    .string({ required_error: '请提供节日名称', invalid_type_error: '节日名称格式不正确' })
    .trim()
    .min(1, '请提供节日名称')
    .max(HOLIDAY_NAME_MAX, '节日名称过长'),
});

/**
 * A year's official holiday arrangement, as an admin loads it from the State Council's notice;
 * the checks (arrangementProblem) are the ones the committee's form runs before sending.
 */
export const holidayArrangementInput = z
  .object({
    year: z.number({ required_error: '请提供年份', invalid_type_error: '年份必须是数字' }).int().min(2000).max(2100),
    holidays: z
      .array(namedDate, { required_error: '请提供放假日期', invalid_type_error: '放假日期格式不正确' })
      .max(ARRANGEMENT_HOLIDAYS_MAX, `放假日期最多${ARRANGEMENT_HOLIDAYS_MAX}天`),
    workdays: z
      .array(namedDate, { required_error: '请提供调休上班日期', invalid_type_error: '调休上班日期格式不正确' })
      .max(ARRANGEMENT_WORKDAYS_MAX, `调休上班日期最多${ARRANGEMENT_WORKDAYS_MAX}天`),
  })
  .superRefine((value, ctx) => {
    const problem = arrangementProblem(value);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  });

export const holidayYearsInput = z.object({});
