import { z } from 'zod';

/** WeChat shows at most 3 templates in one prompt, so one acceptance call carries at most 3. */
export const MAX_TEMPLATES_PER_PROMPT = 3;

/** Messages shown per page of the 消息 list. */
export const MESSAGES_PAGE_SIZE = 20;

export const accountMessagesInput = z.object({
  cursor: z.string().max(200, '分页参数不正确').optional(),
});

export const accountReadMessagesInput = z.object({
  upTo: z
    .number({ required_error: '请提供已读时间', invalid_type_error: '已读时间格式不正确' })
    .int('已读时间格式不正确')
    .nonnegative('已读时间格式不正确'),
});

export const accountAcceptSubscriptionsInput = z.object({
  templateIds: z
    .array(
      z
        .string()
        .min(1)
        .max(128)
        .regex(/^[A-Za-z0-9_-]+$/, '模板编号格式不正确'),
      {
        required_error: '请提供同意接收的消息模板',
        invalid_type_error: '消息模板格式不正确',
      },
    )
    .min(1, '请提供同意接收的消息模板')
    .max(MAX_TEMPLATES_PER_PROMPT, `一次最多${MAX_TEMPLATES_PER_PROMPT}个消息模板`),
});
