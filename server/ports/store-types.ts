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
