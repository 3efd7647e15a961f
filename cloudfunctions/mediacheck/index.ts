import { z } from 'zod';
import { failure, success, type Envelope } from '../../src/domain/envelope';
import { AppError, isAppError } from '../../src/domain/errors';
import { parseInput } from '../../src/domain/schemas';
import { getRuntime } from '../../server/runtime/runtime';
import { applyMediaCheckResult } from '../../server/services/media-check-result';

const pushEvent = z.object({
  MsgType: z.literal('event'),
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1).max(128),
  result: z
    .object({ suggest: z.string().max(20).optional(), label: z.union([z.string(), z.number()]).optional() })
    .optional(),
  errcode: z.number().optional(),
});

/**
 * mediacheck: receives WeChat's message push for mediaCheckAsync (configure 消息推送 of the
 * mini program to this function, event wxa_media_check). Such a push may carry the voter's
 * OPENID in its context, so the caller cannot be the guard: the trace id is. Only WeChat and
 * the media_checks collection know it, so a forged call matches nothing and changes nothing.
 */
export async function main(event: unknown, _context: unknown): Promise<Envelope<unknown>> {
  try {
    const input = parseInput(pushEvent, event);
    const runtime = await getRuntime();
    return success(await applyMediaCheckResult(input, runtime));
  } catch (error) {
    if (isAppError(error)) return failure(error.code, error.message);
    console.error('[mediacheck] unexpected error', error);
    return failure('INTERNAL', new AppError('INTERNAL').message);
  }
}
