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
