import { z } from 'zod';
import { isLocalDate } from './dates';

/** An id field (联络站编号, 意见编号 …): 1–64 letters, digits, '_' or '-', with Chinese messages. */
export const idField = (label: string) =>
  z
    .string({ required_error: `请提供${label}`, invalid_type_error: `${label}格式不正确` })
    .trim()
    .min(1, `请提供${label}`)
    .max(64, `${label}过长`)
    .regex(/^[A-Za-z0-9_-]+$/, `${label}格式不正确`);

/** A real calendar date written YYYY-MM-DD. */
export const dateField = (label: string) =>
  z
    .string({ required_error: `请提供${label}`, invalid_type_error: `${label}格式不正确` })
    .refine(isLocalDate, `${label}须为 YYYY-MM-DD 格式的真实日期`);

/** A text field of `min`–`max` characters, trimmed, with Chinese messages naming it (1 means "required"). */
export const textField = (label: string, min: number, max: number) =>
  z
    .string({ required_error: `请填写${label}`, invalid_type_error: `${label}格式不正确` })
    .trim()
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少${min}个字`)
    .max(max, `${label}不能超过${max}个字`);

/** For `.refine`: no value appears twice in a list of ids. */
export const distinctValues = <T>(values: readonly T[]) => new Set(values).size === values.length;
