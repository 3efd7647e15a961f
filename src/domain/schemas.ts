import { z } from 'zod';
import { AppError } from './errors';
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH, normalizeInviteCode } from './invites';

const id = (label: string) =>
  z
    .string({ required_error: `请提供${label}`, invalid_type_error: `${label}格式不正确` })
    .trim()
    .min(1, `请提供${label}`)
    .max(64, `${label}过长`)
    .regex(/^[A-Za-z0-9_-]+$/, `${label}格式不正确`);

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
