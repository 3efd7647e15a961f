/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's query builder is untyped */
type Db = any;

/*
 * A day's use of a limited action on CloudBase: one `quotas` document per (action, caller, day)
 * holding `used`. It is raised by a conditional update — `where({ _id, used < max })` with
 * `inc(1)` — which CloudBase applies to the one document atomically, so parallel callers cannot
 * pass `max` together, and which costs one write and no read (a read and a write in a transaction
 * before). The day's first use creates the document instead.
 */

/** How a quota is tried first: the day's first use is the common case for some (a voter's submit). */
export type QuotaOrder = 'raise-first' | 'create-first';

/**
 * Count one use of `key` (at most `max` a day): true if counted, false — and nothing counted —
 * once `max` uses were made. `order` says which write is tried first; the other follows only if
 * it did not apply (the document exists already, or not yet).
 */
export async function spendQuota(
  db: Db,
  key: string,
  max: number,
  order: QuotaOrder = 'raise-first',
): Promise<boolean> {
  if (max < 1) return false;
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
  /** Create the day's document at one use; false if it exists already. */
  const create = async () => {
    try {
      await db.collection('quotas').add({ _id: key, used: 1 });
      return true;
    } catch (error) {
      // Refused because it exists (another call made it, or an earlier one today): raise it then.
      // Anything else is not an answer about the quota.
      if ((await db.collection('quotas').where({ _id: key }).count()).total > 0) return false;
      throw error;
    }
  };
  if (order === 'create-first') return (await create()) || raise();
  return (await raise()) || (await create()) || raise();
}

/** Give back one use of `key`: the use was counted for a call that then changed nothing. */
export async function returnQuota(db: Db, key: string): Promise<void> {
  const _ = db.command;
  await db
    .collection('quotas')
    .where({ _id: key, used: _.gt(0) })
    .update({ used: _.inc(-1) });
}
