import type { HolidayArrangement } from '../../src/domain/holiday-calendar';
import type { SessionOverride } from '../../src/domain/reception-calendar';
import type { Account, Invite } from '../../src/domain/roles';
import type { Deputy, Station } from '../../src/domain/station';
import type { ActivityStore } from './activity-store';
import type { DocumentMigrations } from './document-migrations';
import type { EvaluationStore } from './evaluation-store';
import type { FollowStore } from './follow-store';
import type { GeneratedFileStore } from './generated-file-store';
import type { MessageStore } from './message-store';
import type { OpinionStore } from './opinion-store';
import type { PersonalDataStore } from './personal-data-store';
import type { SuggestionStore } from './suggestion-store';
import type { AuditEntry, ReferenceVersions } from './store-types';
import type { SupportStore } from './support-store';

export type { AuditEntry } from './store-types';

/** What became of a redemption (`Store.redeemInvite`). */
export type RedeemOutcome = 'redeemed' | 'unavailable' | 'deputy_linked';

/**
 * The persistence port. Each method is one query or one atomic change; the adapters
 * (SQLite locally, CloudBase in production) must give the same answers, which
 * tests/server/store-contract.ts (run by sqlite-store.test.ts and cloudbase-store.test.ts) checks on both.
 */
export interface Store
  extends
    OpinionStore,
    FollowStore,
    EvaluationStore,
    MessageStore,
    GeneratedFileStore,
    DocumentMigrations,
    PersonalDataStore,
    SuggestionStore,
    SupportStore,
    ActivityStore {
  listStations(): Promise<Station[]>;
  getStation(stationId: string): Promise<Station | null>;
  /** Active and inactive deputies of the given stations (all stations when omitted). */
  listDeputies(stationIds?: readonly string[]): Promise<Deputy[]>;
  getDeputy(deputyId: string): Promise<Deputy | null>;
  /** Overrides of the given stations for months from `fromMonth` ('YYYY-MM') on. */
  listSessionOverrides(stationIds: readonly string[], fromMonth: string): Promise<SessionOverride[]>;
  listHolidayArrangements(): Promise<HolidayArrangement[]>;
  getAccount(openid: string): Promise<Account | null>;
  /** Every account (deputies, station staff, unit contacts; a voter has none), in openid order. */
  listAccounts(): Promise<Account[]>;
  /** The staff accounts of a station (who hears about overdue opinions). */
  listStaffAccounts(stationId: string): Promise<Account[]>;
  /** The account linked to a deputy record, if the deputy has redeemed their invite. */
  getAccountByDeputy(deputyId: string): Promise<Account | null>;
  getInvite(code: string): Promise<Invite | null>;
  listAudit(targetType: string, targetId: string): Promise<AuditEntry[]>;

  /**
   * Use an invite and give its account, in one transaction: `redeemed` when the invite was still
   * unused and not revoked; `unavailable` when another caller took it first or a newer invite
   * revoked it; `deputy_linked` when the account names a deputy whom another account is already
   * linked to (a deputy record has one account at most). Nothing is written unless `redeemed`.
   */
  redeemInvite(code: string, account: Account, audit: AuditEntry): Promise<RedeemOutcome>;

  /** Count one use under `key`; false (and nothing counted) once `max` uses were made. */
  useQuota(key: string, max: number): Promise<boolean>;
  /** An audit line for something that changes no record (e.g. an export of personal data). */
  appendAudit(audit: AuditEntry): Promise<void>;
  putStation(station: Station, audit: AuditEntry): Promise<void>;
  putDeputy(deputy: Deputy, audit: AuditEntry): Promise<void>;
  putSessionOverride(override: SessionOverride, audit: AuditEntry): Promise<void>;
  putHolidayArrangement(arrangement: HolidayArrangement, audit: AuditEntry): Promise<void>;
  putAccount(account: Account, audit: AuditEntry): Promise<void>;
  /**
   * Store an invite with its audit line. A deputy invite replaces that deputy's earlier ones: in
   * the same transaction each of them still unused and not revoked gets `revokedAt` = `audit.at`
   * and an audit line `invite.revoke` (detail `replacedBy`), so a deputy has one live invite.
   */
  putInvite(invite: Invite, audit: AuditEntry): Promise<void>;

  /**
   * A token per kind of reference data (`REFERENCE_DATA` in store-types.ts), each changed in the
   * same transaction as every write of that kind, so that a copy of them kept between actions
   * (server/adapters/cached-store.ts) is checked by this one read. A kind never written may be absent.
   */
  referenceVersion(): Promise<ReferenceVersions>;

  /** A named marker, e.g. that demo data was seeded. */
  getMarker(name: string): Promise<string | null>;
  /** Set a marker only if absent; returns whether it set it. */
  setMarkerOnce(name: string, value: string): Promise<boolean>;
  /** A named setting the committee chose (e.g. the expected attendance), or null when never set. */
  getSetting(name: string): Promise<string | null>;
  /** Set or replace a named setting, with its audit line. */
  putSetting(name: string, value: string, audit: AuditEntry): Promise<void>;
  close(): Promise<void>;
}
