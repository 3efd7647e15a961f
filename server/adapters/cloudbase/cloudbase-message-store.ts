import type { MessageStore } from '../../ports/message-store';
import { decodeCursor, encodeCursor } from '../cursor';
import { type AcceptancesDoc, creditsIn, withCredits } from './acceptances';
import { outboxFromDoc, txDocument, writeAudit } from './documents';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's query builder is untyped */
type Db = any;
type Tx = any;

/**
 * A person's messages and subscription acceptances on CloudBase. Messages are the outbox
 * documents (index recipient_created). A person's acceptances are one `acceptances` document
 * (_id = OPENID) holding a credit per template id: accepting is one transaction that reads and
 * writes it with its audit line, whatever the number of templates; spending one credit is one
 * conditional write (`credits.<id> > 0`, then `inc(-1)`), which CloudBase applies to the one
 * document atomically, so two dispatchers never spend one twice and no read is needed.
 * (Each template's credit was once its own `subscriptions` document: reports.migrate step 7
 * folds those in.)
 */
export function createCloudbaseMessageStore(db: Db): MessageStore {
  const _ = db.command;
  const acceptances = () => db.collection('acceptances');

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
    grantSubscriptions: async (openid, templateIds, max, audit) =>
      db.runTransaction(async (tx: Tx) => {
        const ref = tx.collection('acceptances').doc(openid);
        let credits = creditsIn(txDocument<AcceptancesDoc>(await ref.get()));
        for (const templateId of new Set(templateIds)) credits = withCredits(credits, templateId, 1, max);
        await ref.set({ credits });
        await writeAudit(tx, audit);
        return credits;
      }),
    spendSubscription: async (openid, templateId) => {
      const res = await acceptances()
        .where({ _id: openid, credits: { [templateId]: _.gt(0) } })
        .update({ credits: { [templateId]: _.inc(-1) } });
      return Number(res?.updated ?? 0) === 1;
    },
    refundSubscription: async (openid, templateId) => {
      // Only a credit that was spent is given back, so its document is there (unless the person
      // erased their data meanwhile: then there is nothing to give back to).
      await acceptances()
        .where({ _id: openid })
        .update({ credits: { [templateId]: _.inc(1) } });
    },
    listSubscriptions: async (openid) => {
      const res = await acceptances().where({ _id: openid }).limit(1).get();
      return creditsIn((res.data ?? [])[0] as AcceptancesDoc | undefined);
    },
  };
}
