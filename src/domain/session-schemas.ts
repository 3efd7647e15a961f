import { z } from 'zod';
import { isLocalDate } from './dates';
import { SESSION_REASON_MAX, SESSION_THEME_MAX } from './input-limits';

const stationId = z
  .string({ required_error: '请提供联络站编号' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, '联络站编号格式不正确');

export const followInput = z.object({ stationId, follow: z.boolean({ required_error: '请说明关注或取消关注' }) });

/**
 * Staff change one month's session of their station: a theme and the deputies on duty, or a
 * cancellation / a new date — which needs a reason, because followers are told it.
 */

export const setSessionInput = z
  .object({
    stationId,
    month: z.string({ required_error: '请提供月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
    theme: z.string().trim().max(SESSION_THEME_MAX, `主题不能超过${SESSION_THEME_MAX}个字`).optional(),
    deputyIds: z
      .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/))
      .max(20)
      .optional(),
    cancelled: z.boolean().optional(),
    movedTo: z.string().refine(isLocalDate, '改期日期格式不正确').optional(),
    reason: z.string().trim().max(SESSION_REASON_MAX, `原因不能超过${SESSION_REASON_MAX}个字`).optional(),
  })
  .refine((v) => !(v.cancelled && v.movedTo), { message: '不能同时取消和改期' })
  .refine((v) => !(v.cancelled || v.movedTo) || (v.reason && v.reason.length >= 2), {
    message: '取消或改期接待日，请写明原因，关注的选民会收到通知',
  })
  .refine((v) => !v.movedTo || v.movedTo.slice(0, 7) >= v.month, { message: '改期不能早于原定月份' });
