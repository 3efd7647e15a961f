import type { HolidayArrangement } from '../../../src/domain/holiday-calendar';
import type { SessionOverride } from '../../../src/domain/reception-calendar';
import type { Account, Invite, Role } from '../../../src/domain/roles';
import type { CategoryId } from '../../../src/domain/categories';
import type { Deputy, Station, StationKind, StationSetting } from '../../../src/domain/station';
import type { TimelineEvent } from '../../../src/domain/opinion';
import type { OutboxMessage } from '../../ports/opinion-store';
import type { AuditEntry } from '../../ports/store';
import type { SqliteDatabase } from './database';

// Row shapes as SQLite returns them, and their mapping to domain objects. Optional
// domain fields are absent (not undefined) when the column is NULL, so that both
// adapters return objects that compare equal.

export interface StationRow {
  id: string;
  name: string;
  kind: string;
  setting: string;
  address: string;
  latitude: number;
  longitude: number;
  phone: string;
  districts: string;
  odd_month_day: number;
  even_month_day: number;
  reception_start: string;
  reception_end: string;
  sort_order: number;
}

export const stationFromRow = (r: StationRow): Station => ({
  id: r.id,
  name: r.name,
  kind: r.kind as StationKind,
  setting: r.setting as StationSetting,
  address: r.address,
  location: { latitude: r.latitude, longitude: r.longitude },
  phone: r.phone,
  districts: JSON.parse(r.districts) as string[],
  receptionRule: {
    oddMonthDay: r.odd_month_day,
    evenMonthDay: r.even_month_day,
    start: r.reception_start,
    end: r.reception_end,
  },
  sortOrder: r.sort_order,
});

export const stationToRow = (s: Station): StationRow => ({
  id: s.id,
  name: s.name,
  kind: s.kind,
  setting: s.setting,
  address: s.address,
  latitude: s.location.latitude,
  longitude: s.location.longitude,
  phone: s.phone,
  districts: JSON.stringify(s.districts),
  odd_month_day: s.receptionRule.oddMonthDay,
  even_month_day: s.receptionRule.evenMonthDay,
  reception_start: s.receptionRule.start,
  reception_end: s.receptionRule.end,
  sort_order: s.sortOrder,
});

export interface DeputyRow {
  id: string;
  station_id: string;
  name: string;
  title: string;
  focus_categories: string;
  active: number;
  district: string | null;
}

export const deputyFromRow = (r: DeputyRow): Deputy => ({
  id: r.id,
  stationId: r.station_id,
  name: r.name,
  title: r.title,
  focusCategories: JSON.parse(r.focus_categories) as CategoryId[],
  active: r.active === 1,
  ...(r.district ? { district: r.district } : {}),
});

export const deputyToRow = (d: Deputy): DeputyRow => ({
  id: d.id,
  station_id: d.stationId,
  name: d.name,
  title: d.title,
  focus_categories: JSON.stringify(d.focusCategories),
  active: d.active ? 1 : 0,
  district: d.district ?? null,
});

export interface OverrideRow {
  station_id: string;
  month: string;
  cancelled: number;
  moved_to: string | null;
  reason: string | null;
  theme: string | null;
  deputy_ids: string | null;
  start_time: string | null;
  end_time: string | null;
}

export const overrideFromRow = (r: OverrideRow): SessionOverride => ({
  stationId: r.station_id,
  month: r.month,
  ...(r.cancelled ? { cancelled: true } : {}),
  ...(r.moved_to ? { movedTo: r.moved_to } : {}),
  ...(r.reason ? { reason: r.reason } : {}),
  ...(r.theme ? { theme: r.theme } : {}),
  ...(r.deputy_ids ? { deputyIds: JSON.parse(r.deputy_ids) as string[] } : {}),
  ...(r.start_time ? { start: r.start_time } : {}),
  ...(r.end_time ? { end: r.end_time } : {}),
});

export const overrideToRow = (o: SessionOverride): OverrideRow => ({
  station_id: o.stationId,
  month: o.month,
  cancelled: o.cancelled ? 1 : 0,
  moved_to: o.movedTo ?? null,
  reason: o.reason ?? null,
  theme: o.theme ?? null,
  deputy_ids: o.deputyIds ? JSON.stringify(o.deputyIds) : null,
  start_time: o.start ?? null,
  end_time: o.end ?? null,
});

export interface ArrangementRow {
  year: number;
  holidays: string;
  workdays: string;
}

export const arrangementFromRow = (r: ArrangementRow): HolidayArrangement => ({
  year: r.year,
  holidays: JSON.parse(r.holidays) as HolidayArrangement['holidays'],
  workdays: JSON.parse(r.workdays) as HolidayArrangement['workdays'],
});

export interface AccountRow {
  openid: string;
  role: string;
  station_id: string | null;
  deputy_id: string | null;
  unit_id: string | null;
  display_name: string | null;
  created_at: number;
}

export const accountFromRow = (r: AccountRow): Account => ({
  openid: r.openid,
  role: r.role as Role,
  ...(r.station_id ? { stationId: r.station_id } : {}),
  ...(r.deputy_id ? { deputyId: r.deputy_id } : {}),
  ...(r.unit_id ? { unitId: r.unit_id } : {}),
  ...(r.display_name ? { displayName: r.display_name } : {}),
  createdAt: r.created_at,
});

export const accountToRow = (a: Account): AccountRow => ({
  openid: a.openid,
  role: a.role,
  station_id: a.stationId ?? null,
  deputy_id: a.deputyId ?? null,
  unit_id: a.unitId ?? null,
  display_name: a.displayName ?? null,
  created_at: a.createdAt,
});

export interface InviteRow {
  code: string;
  role: string;
  station_id: string;
  deputy_id: string | null;
  unit_id: string | null;
  display_name: string | null;
  expires_at: number;
  issued_by: string;
  used_by: string | null;
  used_at: number | null;
  revoked_at: number | null;
}

export const inviteFromRow = (r: InviteRow): Invite => ({
  code: r.code,
  role: r.role as Invite['role'],
  stationId: r.station_id,
  ...(r.deputy_id ? { deputyId: r.deputy_id } : {}),
  ...(r.unit_id ? { unitId: r.unit_id } : {}),
  ...(r.display_name ? { displayName: r.display_name } : {}),
  expiresAt: r.expires_at,
  issuedBy: r.issued_by,
  ...(r.used_by ? { usedBy: r.used_by } : {}),
  ...(r.used_at !== null ? { usedAt: r.used_at } : {}),
  ...(r.revoked_at !== null ? { revokedAt: r.revoked_at } : {}),
});

export const inviteToRow = (i: Invite): InviteRow => ({
  code: i.code,
  role: i.role,
  station_id: i.stationId,
  deputy_id: i.deputyId ?? null,
  unit_id: i.unitId ?? null,
  display_name: i.displayName ?? null,
  expires_at: i.expiresAt,
  issued_by: i.issuedBy,
  used_by: i.usedBy ?? null,
  used_at: i.usedAt ?? null,
  revoked_at: i.revokedAt ?? null,
});

export interface AuditRow {
  at: number;
  actor: string;
  action: string;
  target_type: string;
  target_id: string;
  detail: string | null;
}

export const auditFromRow = (r: AuditRow): AuditEntry => ({
  at: r.at,
  actor: r.actor,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  ...(r.detail ? { detail: JSON.parse(r.detail) as Record<string, unknown> } : {}),
});

export const auditToRow = (a: AuditEntry): AuditRow => ({
  at: a.at,
  actor: a.actor,
  action: a.action,
  target_type: a.targetType,
  target_id: a.targetId,
  detail: a.detail ? JSON.stringify(a.detail) : null,
});

/**
 * Writes one audit line, in whatever transaction is running: every part of the store that
 * changes something records it through this one statement.
 */
export function auditWriter(db: SqliteDatabase): (audit: AuditEntry) => void {
  const insert = db.prepare<AuditRow>(
    'INSERT INTO audit_log (at, actor, action, target_type, target_id, detail) VALUES (@at, @actor, @action, @target_type, @target_id, @detail)',
  );
  return (audit) => {
    insert.run(auditToRow(audit));
  };
}

/** Insert one timeline line (a TimelineEvent's fields). */
export const INSERT_EVENT = `INSERT INTO opinion_events (opinion_id, at, actor_role, actor_name, kind, text, visibility)
  VALUES (@opinionId, @at, @actorRole, @actorName, @kind, @text, @visibility)`;

/**
 * Writes the lines a change adds to opinions' timelines and the messages it queues, in whatever
 * transaction is running: a change of an opinion or of a 建议 and what it tells people stand or
 * fall together.
 */
export function sideEffectWriter(
  db: SqliteDatabase,
): (events: readonly TimelineEvent[], outbox: readonly OutboxMessage[]) => void {
  const insertEvent = db.prepare(INSERT_EVENT);
  const insertOutbox = db.prepare(
    `INSERT INTO outbox (kind, recipient_openid, opinion_id, payload, created_at, status, attempts, next_attempt_at)
     VALUES (@kind, @recipientOpenid, @subjectId, @payload, @createdAt, @status, @attempts, @nextAttemptAt)`,
  );
  return (events, outbox) => {
    for (const e of events) insertEvent.run(e);
    for (const m of outbox) insertOutbox.run({ ...m, payload: JSON.stringify(m.payload) });
  };
}
/** Add a support row, skipping a voter who already supports that opinion (a merge's carry-over too). */
export const INSERT_SUPPORT = 'INSERT OR IGNORE INTO opinion_supports (opinion_id, openid, at) VALUES (?, ?, ?)';
