/** Who a caller is to the product; the platform's OPENID decides, never the payload. */
export type Role = 'voter' | 'deputy' | 'staff' | 'admin' | 'unit';

export const ROLE_LABELS: Record<Role, string> = {
  voter: '选民',
  deputy: '人大代表',
  staff: '联络站工作人员',
  admin: '人大工委',
  unit: '承办单位',
};

/** A caller's standing. Voters have no stored account: the absence of one means voter. */
export interface Account {
  openid: string;
  role: Role;
  /** The station a deputy belongs to or a staff member works at. */
  stationId?: string;
  /** The deputy record a deputy account is linked to. */
  deputyId?: string;
  /** The 承办单位 a unit contact's account answers for. */
  unitId?: string;
  displayName?: string;
  createdAt: number;
}

/** An invite code issued by staff (for deputies) or the committee (for staff and 承办单位 contacts). */
export interface Invite {
  code: string;
  role: 'deputy' | 'staff' | 'unit';
  /** The station of a deputy or staff invite; '' for a unit's, which belongs to no station. */
  stationId: string;
  deputyId?: string;
  /** The 承办单位 of a unit invite. */
  unitId?: string;
  displayName?: string;
  expiresAt: number;
  issuedBy: string;
  usedBy?: string;
  usedAt?: number;
  /** When a newer invite of the same deputy replaced it (a deputy has one live invite). */
  revokedAt?: number;
}
