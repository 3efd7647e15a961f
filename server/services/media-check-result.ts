import type { ServiceContext } from './context';
import { AppError } from '../../src/domain/errors';
import { changeOpinion, event, SYSTEM } from './opinion-change';

/** WeChat's push with the result of mediaCheckAsync (Event = wxa_media_check). */
export interface MediaCheckEvent {
  trace_id: string;
  result?: { suggest?: string; label?: string | number };
  errcode?: number;
}

/**
 * Apply an image-check result: a photo that passed becomes visible to the deputy and staff;
 * one that did not stays hidden (its voter still sees it) with an internal note. A trace id
 * we never issued is ignored — that is also what makes a forged push useless, since trace
 * ids are known only to WeChat and this store.
 */
export async function applyMediaCheckResult(input: MediaCheckEvent, ctx: Omit<ServiceContext, 'caller' | 'documents'>) {
  const check = await ctx.store.findMediaCheck(input.trace_id);
  if (!check) return { applied: false };
  const now = ctx.clock.now();
  const passed = !input.errcode && input.result?.suggest === 'pass';
  let applied = false;
  try {
    await changeOpinion(ctx as ServiceContext, check.opinionId, async (opinion) => {
      // A result for a photo no longer hidden (a repeated push) changes nothing.
      applied = opinion.hiddenImages?.includes(check.fileId) ?? false;
      if (!applied) return null;
      if (!passed) {
        return {
          next: opinion,
          events: [event(opinion, now, SYSTEM, 'image_hidden', '一张照片未通过审核，仅选民本人可见', 'internal')],
        };
      }
      const hidden = opinion.hiddenImages!.filter((f) => f !== check.fileId);
      const { hiddenImages: _previous, ...rest } = opinion;
      return {
        next: hidden.length ? { ...rest, hiddenImages: hidden } : rest,
        events: [event(opinion, now, SYSTEM, 'image_passed', '一张照片通过审核，已对办理人员显示', 'internal')],
      };
    });
  } catch (error) {
    // No such opinion: the result has nothing to apply to.
    if (error instanceof AppError && error.code === 'NOT_FOUND') return { applied: false };
    throw error;
  }
  return applied ? { applied: true, passed } : { applied: false };
}
