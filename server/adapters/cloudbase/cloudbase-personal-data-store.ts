import type { PersonalDataStore } from '../../ports/personal-data-store';
import { type AcceptancesDoc, creditsIn } from './acceptances';
import { removeSupportsOf, opinionsFromDocs } from './cloudbase-support-store';
import { CONTACT_ENDED_FIELD, PAGE, writeAudit } from './documents';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's query builder is untyped */
type Db = any;

/**
 * Contacts past their retention, and a voter's own records beside their opinions, on CloudBase.
 * A transaction there writes documents by _id only, so a voter's records are removed by one
 * query per collection (each removal is complete in itself; a repeated erasure removes what is
 * left), and the audit line is written once they are gone.
 */
export function createCloudbasePersonalDataStore(db: Db): PersonalDataStore {
  const _ = db.command;
  const removeWhere = async (collection: string, where: object): Promise<number> =>
    ((await db.collection(collection).where(where).remove()) as { deleted?: number }).deleted ?? 0;

  /** Delete a person's acceptances document; how many templates it held. */
  const removeAcceptances = async (openid: string): Promise<number> => {
    const res = await db.collection('acceptances').where({ _id: openid }).limit(1).get();
    const doc = (res.data ?? [])[0] as AcceptancesDoc | undefined;
    if (!doc) return 0;
    await removeWhere('acceptances', { _id: openid });
    return Object.keys(creditsIn(doc)).length;
  };

  return {
    listContactsEndedBefore: async (before, limit) => {
      const res = await db
        .collection('opinions')
        .where({ [CONTACT_ENDED_FIELD]: _.lt(before) })
        .orderBy(CONTACT_ENDED_FIELD, 'asc')
        .orderBy('_id', 'asc')
        .limit(Math.min(limit, PAGE))
        .get();
      return opinionsFromDocs(db, res.data ?? []);
    },
    eraseVoterRecords: async (openid, audit) => {
      const counts = {
        follows: await removeWhere('station_follows', { openid }),
        messages: await removeWhere('outbox', { recipientOpenid: openid }),
        // Counted per template, as held: the person's acceptances document, and any credit still
        // in the form before reports.migrate step 7.
        subscriptions: (await removeAcceptances(openid)) + (await removeWhere('subscriptions', { openid })),
        readMarks: await removeWhere('message_reads', { _id: openid }),
        districts: await removeWhere('voter_districts', { _id: openid }),
        // Each with its opinion's 附议 count, which the erasure lowers.
        supports: await removeSupportsOf(db, openid),
      };
      await writeAudit(db, { ...audit, detail: { ...audit.detail, ...counts } });
      return counts;
    },
  };
}
