import { randomUUID } from 'node:crypto';
import tcb from '@cloudbase/node-sdk';
import type { HolidayArrangement } from '../../../src/domain/holiday-calendar';
import type { SessionOverride } from '../../../src/domain/reception-calendar';
import type { Account, Invite } from '../../../src/domain/roles';
import type { Deputy, Station } from '../../../src/domain/station';
import type { AuditEntry, Store } from '../../ports/store';
import {
  inviteRevocation,
  REFERENCE_DATA,
  type ReferenceVersions,
  referenceVersionMarker,
  settingMarker,
} from '../../ports/store-types';
import { cachedStore } from '../cached-store';
import { KnownQuotas, spendQuota } from './quotas';
import { createCloudbaseActivityStore } from './cloudbase-activity-store';
import { createCloudbaseEvaluationStore } from './cloudbase-evaluation-store';
import { createCloudbaseFollowStore } from './cloudbase-follow-store';
import { createCloudbaseGeneratedFileStore } from './cloudbase-generated-file-store';
import { createCloudbaseMessageStore } from './cloudbase-message-store';
import { createCloudbasePersonalDataStore } from './cloudbase-personal-data-store';
import { createCloudbaseOpinionStore } from './cloudbase-opinion-store';
import { createCloudbaseSuggestionStore } from './cloudbase-suggestion-store';
import { createCloudbaseSupportStore } from './cloudbase-support-store';
import type { CollectionName } from './collections';
import { runDocumentMigrations } from './document-migrations';
import {
  bumpReferenceVersion,
  getDocument,
  putWithAudit,
  readAll,
  RolledBack,
  strip,
  txDocument,
  writeAudit,
} from './documents';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;
interface Tx {
  collection: Db['collection'];
}
type Doc = Record<string, unknown>;

/**
 * Markers (documents of `markers`, `value` as `getMarker` reads it) that a transaction can read
 * by id where it cannot query: the account a deputy record is linked to, and the deputy's latest
 * invite. Together they keep one account and one live invite per deputy.
 */
const deputyAccountMarker = (deputyId: string) => `deputy-account:${deputyId}`;
const deputyInviteMarker = (deputyId: string) => `deputy-invite:${deputyId}`;

/**
 * The production store: the documents (`createCloudbaseDocumentStore`) with the reference data
 * kept by the warm instance between actions (server/adapters/cached-store.ts).
 */
export function createCloudbaseStore(app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })): Store {
  return cachedStore(createCloudbaseDocumentStore(app));
}

/**
 * The store on CloudBase's document database, every answer read from it. Reads page past the
 * 1,000-document limit by _id; writes that must happen together run in a transaction, whose
 * callback CloudBase may retry, so every callback here is safe to run twice.
 */
export function createCloudbaseDocumentStore(app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })): Store {
  const db: Db = app.database();
  const _ = db.command;
  const col = (name: CollectionName) => db.collection(name);
  const knownQuotas = new KnownQuotas();

  /** Every document matching `where`, in _id order, a page at a time. */
  const fetchAll = <T>(name: CollectionName, where: Doc = {}) => readAll<T>(db, name, where);

  const getDoc = <T>(name: CollectionName, id: string) => getDocument<T>(col(name), id);

  /** Write a document and its audit line together. */
  const put = (name: CollectionName, id: string, data: object, audit: AuditEntry) =>
    putWithAudit(db, name, id, data, audit);

  async function getAccountByDeputy(deputyId: string): Promise<Account | null> {
    const res = await col('accounts').where({ deputyId }).limit(1).get();
    const doc = (res.data as Doc[] | undefined)?.[0];
    return doc ? strip<Account>(doc) : null;
  }

  const byOrder = <T extends { sortOrder: number; id: string }>(a: T, b: T) =>
    a.sortOrder - b.sortOrder || (a.id < b.id ? -1 : 1);

  return {
    ...createCloudbaseOpinionStore(db, knownQuotas),
    ...createCloudbaseFollowStore(db),
    ...createCloudbaseMessageStore(db),
    ...createCloudbaseEvaluationStore(db),
    ...createCloudbaseGeneratedFileStore(db),
    ...createCloudbasePersonalDataStore(db),
    ...createCloudbaseSuggestionStore(db),
    ...createCloudbaseSupportStore(db),
    ...createCloudbaseActivityStore(db),
    listStations: async () => (await fetchAll<Station>('stations')).sort(byOrder),
    getStation: (id) => getDoc<Station>('stations', id),
    listDeputies: async (stationIds) => {
      if (stationIds && stationIds.length === 0) return [];
      const deputies = await fetchAll<Deputy>('deputies', stationIds ? { stationId: _.in([...stationIds]) } : {});
      return deputies.sort((a, b) =>
        a.stationId === b.stationId ? (a.id < b.id ? -1 : 1) : a.stationId < b.stationId ? -1 : 1,
      );
    },
    getDeputy: (id) => getDoc<Deputy>('deputies', id),
    listSessionOverrides: async (stationIds, fromMonth) => {
      if (stationIds.length === 0) return [];
      const rows = await fetchAll<SessionOverride>('session_overrides', {
        stationId: _.in([...stationIds]),
        month: _.gte(fromMonth),
      });
      return rows.sort((a, b) => (a.stationId + a.month < b.stationId + b.month ? -1 : 1));
    },
    listHolidayArrangements: async () =>
      (await fetchAll<HolidayArrangement>('holiday_arrangements')).sort((a, b) => a.year - b.year),
    getAccount: (openid) => getDoc<Account>('accounts', openid),
    listAccounts: async () => (await fetchAll<Account>('accounts')).sort((a, b) => (a.openid < b.openid ? -1 : 1)),
    listStaffAccounts: async (stationId) =>
      (await fetchAll<Account>('accounts', { stationId, role: 'staff' })).sort((a, b) =>
        a.openid < b.openid ? -1 : 1,
      ),
    getAccountByDeputy,
    getInvite: (code) => getDoc<Invite>('invites', code),
    listAudit: async (targetType, targetId) =>
      (await fetchAll<AuditEntry>('audit_log', { targetType, targetId })).sort((a, b) => a.at - b.at),

    redeemInvite: async (code, account, audit) => {
      // Accounts written without a link marker (before it existed, or put directly) are found
      // by a query; a transaction cannot query, so the marker read inside it is what settles races.
      if (account.deputyId) {
        const linked = await getAccountByDeputy(account.deputyId);
        if (linked && linked.openid !== account.openid) return 'deputy_linked';
      }
      try {
        await db.runTransaction(async (tx: Tx) => {
          const invite = txDocument<Invite>(await tx.collection('invites').doc(code).get());
          if (!invite || invite.usedBy || invite.revokedAt !== undefined) throw new RolledBack('unavailable');
          if (account.deputyId) {
            const link = tx.collection('markers').doc(deputyAccountMarker(account.deputyId));
            const holder = txDocument<{ value?: string }>(await link.get())?.value;
            if (holder && holder !== account.openid) throw new RolledBack('deputy_linked');
            await link.set({ value: account.openid });
          }
          await tx.collection('invites').doc(code).update({ usedBy: account.openid, usedAt: account.createdAt });
          await tx
            .collection('accounts')
            .doc(account.openid)
            .set({ ...account });
          await writeAudit(tx, audit);
          await bumpReferenceVersion(tx, 'accounts');
        });
        return 'redeemed';
      } catch (error) {
        if (error instanceof RolledBack) return error.message === 'deputy_linked' ? 'deputy_linked' : 'unavailable';
        throw error;
      }
    },
    useQuota: (key, max) => spendQuota(db, key, max, knownQuotas),
    appendAudit: async (audit) => {
      await writeAudit(db, audit);
    },
    putStation: (s, audit) => put('stations', s.id, s, audit),
    putDeputy: (d, audit) => put('deputies', d.id, d, audit),
    putSessionOverride: (o, audit) => put('session_overrides', `${o.stationId}_${o.month}`, o, audit),
    putHolidayArrangement: (a, audit) => put('holiday_arrangements', String(a.year), a, audit),
    putAccount: (a, audit) => put('accounts', a.openid, a, audit),
    putInvite: async (invite, audit) => {
      const { deputyId } = invite;
      if (!deputyId) return put('invites', invite.code, invite, audit);
      // Earlier invites of the deputy: those issued before the marker existed by a query, the
      // latest through the marker, read inside the transaction so that two issued at once see
      // each other (the second conflicts, runs again and revokes the first).
      const unused = await fetchAll<Invite>('invites', { deputyId, usedBy: _.exists(false) });
      await db.runTransaction(async (tx: Tx) => {
        const latest = tx.collection('markers').doc(deputyInviteMarker(deputyId));
        const marked = txDocument<{ value?: string }>(await latest.get())?.value;
        const earlier = new Set([...unused.map((i) => i.code), ...(marked ? [marked] : [])]);
        earlier.delete(invite.code);
        for (const code of earlier) {
          const old = txDocument<Invite>(await tx.collection('invites').doc(code).get());
          if (!old || old.usedBy || old.revokedAt !== undefined) continue;
          await tx.collection('invites').doc(code).update({ revokedAt: audit.at });
          const line = inviteRevocation(audit, code, invite.code);
          await writeAudit(tx, line);
        }
        await tx
          .collection('invites')
          .doc(invite.code)
          .set({ ...invite });
        await latest.set({ value: invite.code });
        await writeAudit(tx, audit);
      });
    },
    referenceVersion: async () => {
      // Every kind's token in one query.
      const markers = REFERENCE_DATA.map((kind) => [referenceVersionMarker(kind), kind] as const);
      const res = await col('markers')
        .where({ _id: _.in(markers.map(([id]) => id)) })
        .limit(markers.length)
        .get();
      const kindOf = new Map<string, string>(markers);
      const versions: ReferenceVersions = {};
      for (const doc of (res.data ?? []) as Array<{ _id: string; value?: string }>) {
        const kind = kindOf.get(doc._id) as keyof ReferenceVersions | undefined;
        if (kind) versions[kind] = String(doc.value ?? '');
      }
      return versions;
    },
    getMarker: async (name) => (await getDoc<{ value: string }>('markers', name))?.value ?? null,
    setMarkerOnce: async (name, value) => {
      // A token of this call's own, so that after an ambiguous failure (a timeout after the
      // write landed) the marker read back tells whose write it was.
      const claim = randomUUID();
      try {
        await col('markers').add({ _id: name, value, claim });
        return true;
      } catch (error) {
        const existing = await getDoc<{ claim?: string }>('markers', name);
        if (existing) return existing.claim === claim;
        // Neither set nor refused for a duplicate: not claimed, and the caller must not act as if it were.
        throw error;
      }
    },
    getSetting: async (name) => (await getDoc<{ value: string }>('markers', settingMarker(name)))?.value ?? null,
    putSetting: (name, value, audit) => put('markers', settingMarker(name), { value }, audit),
    migrateDocuments: (budget) => runDocumentMigrations(db, budget),
    close: async () => undefined,
  };
}
