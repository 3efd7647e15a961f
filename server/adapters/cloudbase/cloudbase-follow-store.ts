import { randomUUID } from 'node:crypto';
import type { FollowStore } from '../../ports/follow-store';
import type { OutboxMessage } from '../../ports/opinion-store';
import { bumpReferenceVersion, PAGE, writeAudit } from './documents';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's query builder is untyped */
type Db = any;
type Tx = any;

/**
 * Follows and reminders on CloudBase. A follow's _id is `<openid>_<stationId>`; a deduplicated
 * message's _id is its dedupe key, so the second insert of a reminder fails inside the
 * transaction and the reminder is queued once.
 */
export function createCloudbaseFollowStore(db: Db): FollowStore {
  const _ = db.command;
  const followId = (openid: string, stationId: string) => `${openid}_${stationId}`;
  const outboxDoc = (m: OutboxMessage & { dedupeKey?: string }) => ({ ...m, id: m.dedupeKey ?? randomUUID() });

  return {
    setFollow: async (openid, stationId, on, at) => {
      const doc = db.collection('station_follows').doc(followId(openid, stationId));
      if (on) await doc.set({ openid, stationId, since: at });
      else await doc.remove();
    },
    isFollowing: async (openid, stationId) => {
      const res = await db
        .collection('station_follows')
        .where({ _id: followId(openid, stationId) })
        .count();
      return res.total > 0;
    },
    listFollowers: async (stationId) => {
      const out: string[] = [];
      let after = '';
      for (;;) {
        const res = await db
          .collection('station_follows')
          .where({ stationId, openid: _.gt(after) })
          .orderBy('openid', 'asc')
          .limit(PAGE)
          .get();
        const page = (res.data ?? []) as Array<{ openid: string }>;
        out.push(...page.map((d) => d.openid));
        if (page.length < PAGE) return out;
        after = page[page.length - 1]!.openid;
      }
    },
    changeSession: async (override, audit, notices) => {
      await db.runTransaction(async (tx: Tx) => {
        await tx
          .collection('session_overrides')
          .doc(`${override.stationId}_${override.month}`)
          .set({ ...override });
        await writeAudit(tx, audit);
        await bumpReferenceVersion(tx, 'session_overrides');
        for (const m of notices) {
          const doc = outboxDoc(m);
          await tx.collection('outbox').doc(doc.id).set(doc);
        }
      });
    },
    enqueueOnce: async (messages) => {
      let added = 0;
      for (const m of messages) {
        try {
          await db.collection('outbox').add({ _id: m.dedupeKey, ...outboxDoc(m) });
          added += 1;
        } catch {
          // add() refuses an existing _id: this reminder is already queued.
        }
      }
      return added;
    },
  };
}
