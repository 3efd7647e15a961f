import type { MessageStore } from '../../ports/message-store';
import { decodeCursor, encodeCursor } from '../cursor';
import { outboxFromDoc, RolledBack, txDocument, writeAudit } from './documents';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's query builder is untyped */
type Db = any;
type Tx = any;

/**
 * A person's messages and subscription acceptances on CloudBase. Messages are the outbox
 * documents (index recipient_created); an acceptance counter's _id is `<openid>_<templateId>`
 * and is read and changed inside a transaction, so two dispatchers never spend one twice.
 */
export function createCloudbaseMessageStore(db: Db): MessageStore {
  const _ = db.command;
  const creditId = (openid: string, templateId: string) => `${openid}_${templateId}`;

  /** Change one credit counter in a transaction; `change` answers the new count, or null to write nothing. */
  const adjust = async (openid: string, templateId: string, change: (credits: number) => number | null) => {
    try {
      await db.runTransaction(async (tx: Tx) => {
        const ref = tx.collection('subscriptions').doc(creditId(openid, templateId));
        const credits = txDocument<{ credits?: number }>(await ref.get())?.credits ?? 0;
        const next = change(credits);
        if (next === null) throw new RolledBack();
        await ref.set({ openid, templateId, credits: next });
      });
      return true;
    } catch (error) {
      if (error instanceof RolledBack) return false;
      throw error;
    }
  };

  return {
    listMessages: async (openid, cursor, limit) => {
      const after = cursor ? decodeCursor(cursor) : null;
      const where = after
        ? _.and([
            { recipientOpenid: openid },
            _.or([{ createdAt: _.lt(after.createdAt) }, { createdAt: after.createdAt, _id: _.lt(after.id) }]),
          ])
        : { recipientOpenid: openid };
      const res = await db
        .collection('outbox')
        .where(where)
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc')
        .limit(limit + 1)
        .get();
      const docs = (res.data ?? []) as Array<Record<string, unknown>>;
      const items = docs.slice(0, limit).map(outboxFromDoc);
      const last = docs[Math.min(limit, docs.length) - 1];
      return {
        items,
        nextCursor:
          docs.length > limit && last
            ? encodeCursor({ createdAt: last.createdAt as number, id: String(last._id) })
            : null,
      };
    },
    countMessagesSince: async (openid, since) => {
      const res = await db
        .collection('outbox')
        .where({ recipientOpenid: openid, createdAt: _.gt(since) })
        .count();
      return res.total as number;
    },
    getMessagesReadAt: async (openid) => {
      const res = await db.collection('message_reads').where({ _id: openid }).limit(1).get();
      return ((res.data ?? [])[0] as { readAt?: number } | undefined)?.readAt ?? 0;
    },
    setMessagesReadAt: async (openid, at) => {
      await db.runTransaction(async (tx: Tx) => {
        const ref = tx.collection('message_reads').doc(openid);
        const readAt = txDocument<{ readAt?: number }>(await ref.get())?.readAt ?? 0;
        if (at > readAt) await ref.set({ readAt: at });
      });
    },
    grantSubscriptions: async (openid, templateIds, max, audit) => {
      await db.runTransaction(async (tx: Tx) => {
        for (const templateId of new Set(templateIds)) {
          const ref = tx.collection('subscriptions').doc(creditId(openid, templateId));
          const credits = txDocument<{ credits?: number }>(await ref.get())?.credits ?? 0;
          await ref.set({ openid, templateId, credits: Math.min(credits + 1, max) });
        }
        await writeAudit(tx, audit);
      });
    },
    spendSubscription: (openid, templateId) =>
      adjust(openid, templateId, (credits) => (credits > 0 ? credits - 1 : null)),
    refundSubscription: async (openid, templateId) => {
      await adjust(openid, templateId, (credits) => credits + 1);
    },
    listSubscriptions: async (openid) => {
      const res = await db.collection('subscriptions').where({ openid }).limit(100).get();
      return Object.fromEntries(
        ((res.data ?? []) as Array<{ templateId: string; credits: number }>).map((d) => [d.templateId, d.credits]),
      );
    },
  };
}
