/** Who a caller is to the product; the platform's OPENID decides, never the payload. */
export type Role = 'voter' | 'deputy' | 'staff' | 'admin';

export const ROLE_LABELS: Record<Role, string> = {
  voter: '选民',
  deputy: '人大代表',
  staff: '联络站工作人员',
  admin: '人大工委',
};

/** A caller's standing. Voters have no stored account: the absence of one means voter. */
export interface Account {
  openid: string;
  role: Role;
  /** The station a deputy belongs to or a staff member works at. */
  stationId?: string;
  /** The deputy record a deputy account is linked to. */
  deputyId?: string;
  displayName?: string;
  createdAt: number;
}

/** An invite code issued by staff (for deputies) or the committee (for staff). */
export interface Invite {
  code: string;
  role: 'deputy' | 'staff';
  stationId: string;
  deputyId?: string;
  displayName?: string;
  expiresAt: number;
  issuedBy: string;
  usedBy?: string;
  usedAt?: number;
  /** When a newer invite of the same deputy replaced it (a deputy has one live invite). */
  revokedAt?: number;
}
