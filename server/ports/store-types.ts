/** One line of the audit trail: who changed what, when. */
export interface AuditEntry {
  at: number;
  /** The OPENID of the caller, or 'system' for seeding and timers. */
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  detail?: Record<string, unknown>;
}

/**
 * The audit line `Store.putInvite` writes for an earlier invite that a newer one of the same
 * deputy revoked: by whom and when the newer one was issued, and which one replaced it.
 */
export function inviteRevocation(issued: AuditEntry, revokedCode: string, newCode: string): AuditEntry {
  return {
    at: issued.at,
    actor: issued.actor,
    action: 'invite.revoke',
    targetType: 'invite',
    targetId: revokedCode,
    detail: { replacedBy: newCode },
  };
}

/** One voter's 附议 of an opinion (SupportStore): at most one per (opinionId, openid). */
export interface OpinionSupport {
  opinionId: string;
  openid: string;
  at: number;
}

/**
 * The marker a setting is kept under (Store.getSetting / putSetting): settings share the markers
 * of both stores, apart by this prefix, so that a setting needs no table or collection of its own.
 */
export const settingMarker = (name: string) => `setting:${name}`;

/**
 * The data that change rarely and that nearly every action reads: stations, deputies, session
 * overrides, holiday arrangements, accounts, 人大小组 and 承办单位 (their collections or tables).
 * Every write of them also changes their kind's token of `Store.referenceVersion` in its
 * transaction: an operator who edits them by hand in CloudBase's console must change that kind's
 * marker (`referenceVersionMarker`, any new value) too, or warm function instances keep answering
 * from their copy.
 */
export const REFERENCE_DATA = [
  'stations',
  'deputies',
  'session_overrides',
  'holiday_arrangements',
  'accounts',
  'deputy_groups',
  'handling_units',
] as const;

/** One kind of reference data (its collection or table). */
export type ReferenceData = (typeof REFERENCE_DATA)[number];

/** `Store.referenceVersion`: a token per kind of reference data, changed with every write of that kind. */
export type ReferenceVersions = Partial<Record<ReferenceData, string>>;

/** The marker holding the version token of one kind of reference data. */
export const referenceVersionMarker = (kind: ReferenceData) => `reference-version:${kind}`;
