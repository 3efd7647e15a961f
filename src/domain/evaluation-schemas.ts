import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { z } from 'zod';
import { idField, dateField } from './schema-fields';
import { COMMENT_MAX, ROUND_TITLE_MAX } from './input-limits';

dayjs.extend(utc);

/** The longest a round may stay open: a round is a review, not a standing poll. */
export const MAX_ROUND_DAYS = 60;

const id = idField;

const date = dateField;

/** A 选区 as the stations list them: 第一选区, 青溪村选区 … */
export const districtSchema = z
  .string({ required_error: '请选择选区', invalid_type_error: '选区格式不正确' })
  .trim()
  .min(2, '请选择选区')
  .max(20, '选区名称过长');

const satisfaction = z.enum(['satisfied', 'basically_satisfied', 'dissatisfied'], {
  errorMap: () => ({ message: '请选择满意、基本满意或不满意' }),
});

/** evaluations.open: a district, the days voters may rate, and the period the deputies report on. */
export const openRoundInput = z
  .object({
    district: districtSchema,
    title: z
      .string()
      .trim()
      .min(4, '标题至少4个字')
      .max(ROUND_TITLE_MAX, `标题不能超过${ROUND_TITLE_MAX}个字`)
      .optional(),
    opensOn: date('开始日期'),
    closesOn: date('结束日期'),
    periodFrom: date('述职期间开始日期'),
    periodTo: date('述职期间结束日期'),
  })
  .refine((v) => v.opensOn <= v.closesOn, { message: '评议开始日期不能晚于结束日期' })
  .refine((v) => dayjs.utc(v.closesOn).diff(dayjs.utc(v.opensOn), 'day') < MAX_ROUND_DAYS, {
    message: `评议时间最长${MAX_ROUND_DAYS}天`,
  })
  .refine((v) => v.periodFrom <= v.periodTo, { message: '述职期间开始日期不能晚于结束日期' })
  .refine((v) => v.periodTo <= v.closesOn, { message: '述职期间不能晚于评议结束' })
  .refine((v) => dayjs.utc(v.periodTo).diff(dayjs.utc(v.periodFrom), 'year', true) <= 5, {
    message: '述职期间最长5年（一届）',
  });

export const roundIdInput = z.object({ roundId: id('评议编号') });

/** evaluations.rate: one voter's answer about one deputy. */
export const rateDeputyInput = z.object({
  roundId: id('评议编号'),
  deputyId: id('代表编号'),
  satisfaction,
  comment: z
    .string({ invalid_type_error: '评议意见格式不正确' })
    .trim()
    .max(COMMENT_MAX, `评议意见不能超过${COMMENT_MAX}个字`)
    .optional(),
});

export const setDistrictInput = z.object({ district: districtSchema });

export const listRoundsInput = z.object({});
