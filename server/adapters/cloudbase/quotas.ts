/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's query builder is untyped */
type Db = any;

/*
 * A day's use of a limited action on CloudBase: one `quotas` document per (action, caller, day)
 * holding `used`. It is raised by a conditional update — `where({ _id, used < max })` with
 * `inc(1)` — which CloudBase applies to the one document atomically, so parallel callers cannot
 * pass `max` together, and which costs one write and no read (a read and a write in a transaction
 * before). The day's first use creates the document instead.
 */

/** Which write is tried first: the day's document created, or the known one raised (KnownQuotas). */
type QuotaOrder = 'raise-first' | 'create-first';

/**
 * The quota documents a store (one per function instance) has created or raised: their day's
 * document exists, so the next use raises it at once whatever the order asked — a voter's second
 * opinion of the day on a warm instance is one write, not a refused create and then the raise.
 * Only an order: if the document is gone after all, the raise changes nothing and it is created.
 * Keys name their day, so a day's end needs no clearing; it is emptied when it grows large.
 */
export class KnownQuotas {
  private keys = new Set<string>();
  has(key: string): boolean {
    return this.keys.has(key);
  }
  remember(key: string): void {
    if (this.keys.size >= KNOWN_AT_MOST) this.keys = new Set();
    this.keys.add(key);
  }
}
const KNOWN_AT_MOST = 10_000;

/**
 * Count one use of `key` (at most `max` a day): true if counted, false — and nothing counted —
 * once `max` uses were made. The day's document is created first — a limit is per action, caller
 * and day, and most callers use an action once a day or a few times — unless `known` (the
 * store's) holds it, which is raised at once; the other write follows only if the first did not
 * apply (the document exists already, or not yet).
 */
export async function spendQuota(db: Db, key: string, max: number, known?: KnownQuotas): Promise<boolean> {
  if (max < 1) return false;
  const counted = await spend(db, key, max, known?.has(key) ? 'raise-first' : 'create-first');
  // Counted or at the limit, the day's document is there.
  known?.remember(key);
  return counted;
}

async function spend(db: Db, key: string, max: number, order: QuotaOrder): Promise<boolean> {
  const _ = db.command;
  const raise = async () =>
    Number(
      (
        await db
          .collection('quotas')
          .where({ _id: key, used: _.lt(max) })
          .update({ used: _.inc(1) })
      )?.updated ?? 0,
    ) === 1;
  const exists = async () => (await db.collection('quotas').where({ _id: key }).count()).total > 0;
  /** Create the day's document at one use; false if it was refused (it may exist already). */
  const create = async (): Promise<{ created: true } | { created: false; error: unknown }> => {
    try {
      await db.collection('quotas').add({ _id: key, used: 1 });
      return { created: true };
    } catch (error) {
      return { created: false, error };
    }
  };
  if (order === 'create-first') {
    const first = await create();
    if (first.created) return true;
    // Refused: most often because the document exists (the caller's second use of the day), so
    // it is raised at once. Only if that too changes nothing is it asked whether the document
    // exists — at the limit (false) — or the refusal was something else, which is no answer.
    if (await raise()) return true;
    if (await exists()) return false;
    throw first.error;
  }
  if (await raise()) return true;
  const made = await create();
  if (made.created) return true;
  // Refused because another call made it meanwhile: raise that one. Anything else is no answer.
  if (!(await exists())) throw made.error;
  return raise();
}

/** Give back one use of `key`: the use was counted for a call that then changed nothing. */
export async function returnQuota(db: Db, key: string): Promise<void> {
  const _ = db.command;
  await db
    .collection('quotas')
    .where({ _id: key, used: _.gt(0) })
    .update({ used: _.inc(-1) });
}
