import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { z } from 'zod';
import { idField, dateField } from './schema-fields';
import { isLocalDate } from './dates';
import { categorySchema } from './opinion-schemas';
import { isWholeMonths } from './public-period';

dayjs.extend(utc);

/** The longest period one `reports.stats` call may cover: a term's worth of annual reports. */
export const MAX_PERIOD_YEARS = 3;

export const GROUP_BY = ['station', 'deputy', 'group', 'category', 'month'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

const date = dateField;

const id = idField;

/** reports.stats: a period (Asia/Shanghai dates, both included) and optional filters and grouping. */
export const statsInput = z
  .object({
    from: date('开始日期'),
    to: date('结束日期'),
    stationId: id('联络站').optional(),
    deputyId: id('代表').optional(),
    category: categorySchema.optional(),
    groupBy: z
      .enum(GROUP_BY, { errorMap: () => ({ message: '分组方式须为联络站、代表、人大小组、类别或月份' }) })
      .optional(),
  })
  .refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期' })
  .refine((v) => v.to <= dayjs.utc(v.from).add(MAX_PERIOD_YEARS, 'year').format('YYYY-MM-DD'), {
    message: `统计期间最长${MAX_PERIOD_YEARS}年`,
  });

export type StatsInput = z.output<typeof statsInput>;

/** reports.annualReport: the year of the report. */
export const annualReportInput = z.object({
  year: z
    .number({ required_error: '请提供年份', invalid_type_error: '年份必须是数字' })
    .int('年份必须是整数')
    .min(2000, '年份不正确')
    .max(2100, '年份不正确'),
});

/** A generated document's file id: a cloud file under reports/, or a local document. */
const GENERATED_FILE_ID = /^(cloud:\/\/\S{1,240}|local-files\/[a-z0-9-]{1,80}-[a-f0-9]{16}\.(docx|xlsx))$/;

/** reports.download: the file id an export or an annual report answered with. */
export const downloadInput = z.object({
  fileId: z.string({ required_error: '请提供文件编号' }).regex(GENERATED_FILE_ID, '文件编号格式不正确'),
});

/** reports.exportOpinions: a period (at most a year) and, for the committee, a station. */
export const exportInput = z
  .object({
    from: z.string({ required_error: '请提供开始日期' }).refine(isLocalDate, '开始日期格式不正确'),
    to: z.string({ required_error: '请提供结束日期' }).refine(isLocalDate, '结束日期格式不正确'),
    stationId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, '联络站编号格式不正确')
      .optional(),
  })
  .refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期' })
  // A year from `from`: 2026-03-01 to 2027-02-28 at most.
  .refine((v) => v.to < dayjs.utc(v.from).add(1, 'year').format('YYYY-MM-DD'), { message: '一次最多导出一年的意见' });

/**
 * reports.publicStats: a period, nothing else — the public page shows every station. The period
 * is whole calendar months (src/domain/public-period.ts): a day at a small station is one person.
 */
export const publicStatsInput = z
  .object({ from: date('开始日期'), to: date('结束日期') })
  .refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期' })
  .refine((v) => v.to <= dayjs.utc(v.from).add(MAX_PERIOD_YEARS, 'year').format('YYYY-MM-DD'), {
    message: `统计期间最长${MAX_PERIOD_YEARS}年`,
  })
  .refine(isWholeMonths, { message: '公开统计按整月计算：开始日期须为某月1日，结束日期须为某月最后一天' });

/** reports.migrate: no fields (the caller must be an admin). */
export const migrateInput = z.object({});

/**
 * reports.recount: the month whose figure counters to check against its opinions (the open-case
 * counters are checked with it), and whether to write the recount over what differs.
 */
export const recountInput = z.object({
  month: z
    .string({ required_error: '请提供要核对的月份' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式不正确，应为“2026-03”这样的年-月'),
  repair: z.boolean({ invalid_type_error: '是否修复须为是或否' }).optional(),
});
