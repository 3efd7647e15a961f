import {
  OPINION_STATUS_LABELS,
  type Opinion,
  type OpinionStatus,
  type TimelineEvent,
} from '../../../src/domain/opinion';
import { contactEndedAt } from '../../../src/domain/personal-data';
import {
  OpinionConflictError,
  type OpinionStore,
  type OutboxMessage,
  type Quota,
  QuotaExceededError,
} from '../../ports/opinion-store';
import { decodeCursor, encodeCursor } from '../cursor';
import { retriedSubmission } from '../retried-submission';
import type { Statement } from 'better-sqlite3';
import { OPEN_STATUSES } from '../../../src/domain/figures';
import type { SqliteDatabase } from './database';
import { createSqliteCounters } from './sqlite-counters';
import { createSqliteFigures, figureColumns } from './sqlite-figures';
import { INSERT_SUPPORT, sideEffectWriter } from './rows';
import type { OpinionSupport } from '../../ports/store-types';

interface OpinionRow {
  doc: string;
  support_count: number;
}

/**
 * The columns an opinion is read from: its document, and how many support it (附议), counted
 * from opinion_supports by its primary key (`Opinion.supportCount`: reads here are cheap, and a
 * count made on read cannot drift).
 */
export const OPINION_COLUMNS = (table = 'opinions') =>
  `${table}.doc AS doc, (SELECT COUNT(*) FROM opinion_supports WHERE opinion_supports.opinion_id = ${table}.id) AS support_count`;

/** An opinion as read with OPINION_COLUMNS. */
export function opinionFromRow(row: { doc: string; support_count: number }): Opinion {
  const { supportCount: _written, ...opinion } = JSON.parse(row.doc) as Opinion;
  return row.support_count > 0 ? { ...opinion, supportCount: row.support_count } : opinion;
}

interface EventRow {
  opinion_id: string;
  at: number;
  actor_role: TimelineEvent['actorRole'];
  actor_name: string;
  kind: string;
  text: string;
  visibility: TimelineEvent['visibility'];
}

export interface OutboxRow {
  id: number;
  kind: string;
  recipient_openid: string;
  opinion_id: string;
  payload: string;
  created_at: number;
  status: OutboxMessage['status'];
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
}

/** Count one use of a quota ({ key, max }); no row changes once `max` uses were made. */
export const USE_QUOTA = `INSERT INTO quotas (key, used) VALUES (@key, 1)
  ON CONFLICT (key) DO UPDATE SET used = used + 1 WHERE used < @max`;

/** Insert one opinion row; a conflict (same submitter and request) inserts nothing. */
export const INSERT_OPINION = `INSERT INTO opinions (id, station_id, author_openid, submitted_by, request_id, claim_code, status, version,
       assigned_deputy_id, reply_due_date, staff_review, created_at, doc,
       category, created_month, replied_at, replied_on_time, resolved, satisfaction, contact_ended_at)
     VALUES (@id, @station_id, @author_openid, @submitted_by, @request_id, @claim_code, @status, @version,
       @assigned_deputy_id, @reply_due_date, @staff_review, @created_at, @doc,
       @category, @created_month, @replied_at, @replied_on_time, @resolved, @satisfaction, @contact_ended_at)
     ON CONFLICT DO NOTHING`;

/** An opinion as a row of the opinions table (also used to bulk-load benchmark data). */
export const opinionRow = ({ supportCount: _counted, ...o }: Opinion) => ({
  id: o.id,
  station_id: o.stationId,
  author_openid: o.authorOpenid,
  submitted_by: o.submittedBy,
  request_id: o.requestId,
  claim_code: o.claimCode ?? null,
  status: o.status,
  version: o.version,
  assigned_deputy_id: o.assignedDeputyId ?? null,
  reply_due_date: o.replyDueDate ?? null,
  staff_review: o.staffReview ? 1 : 0,
  created_at: o.createdAt,
  doc: JSON.stringify(o),
  contact_ended_at: contactEndedAt(o) ?? null,
  ...figureColumns(o),
});

const fromEventRow = (r: EventRow): TimelineEvent => ({
  opinionId: r.opinion_id,
  at: r.at,
  actorRole: r.actor_role,
  actorName: r.actor_name,
  kind: r.kind,
  text: r.text,
  visibility: r.visibility,
});

export const fromOutboxRow = (r: OutboxRow): OutboxMessage => ({
  id: r.id,
  kind: r.kind,
  recipientOpenid: r.recipient_openid,
  subjectId: r.opinion_id,
  payload: JSON.parse(r.payload) as Record<string, string>,
  createdAt: r.created_at,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  ...(r.last_error ? { lastError: r.last_error } : {}),
});

/** An opinion status as an SQL literal; anything that is not one of the statuses is refused. */
function statusLiteral(status: OpinionStatus): string {
  if (!(status in OPINION_STATUS_LABELS)) throw new Error(`not an opinion status: ${String(status)}`);
  return `'${status}'`;
}

/** How many times a change is decided before it gives up to changes that keep coming first. */
const CHANGE_ATTEMPTS = 3;

/**
 * Opinions, their timelines and the outbox on SQLite; every write is one transaction, in which
 * the triggers of migration 16 move the figure and open-case counters.
 */
export function createSqliteOpinionStore(db: SqliteDatabase): OpinionStore {
  const insertOpinion = db.prepare(INSERT_OPINION);

  const updateOpinionRow = db.prepare(
    `UPDATE opinions SET author_openid = @author_openid, submitted_by = @submitted_by, claim_code = @claim_code, status = @status, version = @version,
       assigned_deputy_id = @assigned_deputy_id, reply_due_date = @reply_due_date, staff_review = @staff_review, doc = @doc,
       category = @category, created_month = @created_month, replied_at = @replied_at,
       replied_on_time = @replied_on_time, resolved = @resolved, satisfaction = @satisfaction,
       contact_ended_at = @contact_ended_at
     WHERE id = @id AND version = @expected`,
  );
  const useQuota = db.prepare(USE_QUOTA);
  const byId = db.prepare(`SELECT ${OPINION_COLUMNS()} FROM opinions WHERE id = ?`);
  const byClaim = db.prepare(`SELECT ${OPINION_COLUMNS()} FROM opinions WHERE claim_code = ?`);
  const timeline = db.prepare('SELECT * FROM opinion_events WHERE opinion_id = ? ORDER BY id');
  const dueOutbox = db.prepare(
    "SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
  );
  const recentOutbox = db.prepare('SELECT * FROM outbox ORDER BY id DESC LIMIT ?');
  const updateOutboxRow = db.prepare(
    `UPDATE outbox SET status = @status, attempts = @attempts, next_attempt_at = @nextAttemptAt, last_error = @lastError
     WHERE id = @id AND attempts = @expected AND status = 'pending'`,
  );

  const insertMediaCheck = db.prepare(
    'INSERT OR IGNORE INTO media_checks (trace_id, opinion_id, file_id) VALUES (?, ?, ?)',
  );
  const mediaCheck = db.prepare('SELECT opinion_id, file_id FROM media_checks WHERE trace_id = ?');
  const recordChecks = db.transaction(
    (opinionId: string, checks: ReadonlyArray<{ traceId: string; fileId: string }>) => {
      for (const c of checks) insertMediaCheck.run(c.traceId, opinionId, c.fileId);
    },
  );

  const writeSideEffects = sideEffectWriter(db);

  const create = db.transaction(
    (opinion: Opinion, events: readonly TimelineEvent[], outbox: readonly OutboxMessage[], quota?: Quota) => {
      // The id is derived from (submittedBy, requestId): a retried submit finds the first by it.
      const row = byId.get(opinion.id) as OpinionRow | undefined;
      if (row) return { created: false, opinion: retriedSubmission(opinionFromRow(row), opinion) };
      // Counted in this transaction: a burst of parallel submits cannot pass the limit.
      if (quota && quota.max <= 0) throw new QuotaExceededError();
      if (quota && useQuota.run(quota).changes === 0) throw new QuotaExceededError();
      if (insertOpinion.run(opinionRow(opinion)).changes === 0) {
        throw new Error('opinion not created: its id or claim code is already taken');
      }
      writeSideEffects(events, outbox);
      return { created: true, opinion };
    },
  );

  const insertSupport = db.prepare(INSERT_SUPPORT);
  const update = db.transaction(
    (
      next: Opinion,
      expected: number,
      events: readonly TimelineEvent[],
      outbox: readonly OutboxMessage[],
      supports: readonly OpinionSupport[],
    ) => {
      if (updateOpinionRow.run({ ...opinionRow(next), expected }).changes === 0) return false;
      writeSideEffects(events, outbox);
      for (const s of supports) insertSupport.run(s.opinionId, s.openid, s.at);
      return true;
    },
  );

  const parse = (row: OpinionRow | undefined) => (row ? opinionFromRow(row) : null);

  // A list's SQL depends only on which filters it has: a few dozen shapes, each prepared once.
  const listStatements = new Map<string, Statement<unknown[]>>();
  const listStatement = (sql: string) => {
    let statement = listStatements.get(sql);
    if (!statement) listStatements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };

  return {
    createOpinion: async (opinion, events, outbox, quota) => create(opinion, events, outbox, quota),
    getOpinion: async (id) => parse(byId.get(id) as OpinionRow | undefined),
    getOpinionByClaimCode: async (code) => parse(byClaim.get(code) as OpinionRow | undefined),
    updateOpinion: async (next, expected, events, outbox, supports = []) =>
      update(next, expected, events, outbox, supports),
    // Read, decided (which may await), then written if the version is still the one read: another
    // request may have changed it in between, and then it is decided again on what that wrote.
    changeOpinion: async (id, decide) => {
      for (let attempt = 1; ; attempt += 1) {
        const current = parse(byId.get(id) as OpinionRow | undefined);
        if (!current) return null;
        const write = await decide(current);
        if (!write) return { opinion: current, written: false };
        if (update(write.next, current.version, write.events, write.outbox, write.supports ?? [])) {
          return { opinion: write.next, written: true };
        }
        if (attempt >= CHANGE_ATTEMPTS) throw new OpinionConflictError();
      }
    },
    listOpinions: async (query) => {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (clause: string, ...values: unknown[]) => {
        where.push(clause);
        params.push(...values);
      };
      if (query.authorOpenid !== undefined) add('author_openid = ?', query.authorOpenid);
      if (query.assignedDeputyId !== undefined) add('assigned_deputy_id = ?', query.assignedDeputyId);
      if (query.stationId !== undefined) add('station_id = ?', query.stationId);
      // The due queues (overdue, due soon: the open statuses with a due-date bound) read the open
      // cases by due date off opinions_open_due, whose WHERE the query repeats word for word: the
      // few due ones, not a station's or a deputy's whole backlog. Other statuses are written out
      // too (checked, never bound), as the planner reads partial indexes only from literals.
      const dueQueue =
        query.dueOnOrBefore !== undefined &&
        query.statuses !== undefined &&
        query.statuses.length === OPEN_STATUSES.length &&
        OPEN_STATUSES.every((s) => query.statuses!.includes(s));
      if (query.statuses) {
        if (query.statuses.length === 0) return { items: [], nextCursor: null };
        add(`status IN (${(dueQueue ? OPEN_STATUSES : query.statuses).map(statusLiteral).join(', ')})`);
      }
      if (query.dueOnOrBefore !== undefined) add('reply_due_date <= ?', query.dueOnOrBefore);
      if (query.staffReview !== undefined) add('staff_review = ?', query.staffReview ? 1 : 0);
      const after = query.cursor ? decodeCursor(query.cursor) : null;
      if (after) add('(created_at < ? OR (created_at = ? AND id < ?))', after.createdAt, after.createdAt, after.id);
      // With a due-date bound the few due opinions are found and then sorted; walking the
      // newest-first index instead would read every opinion of the station when none is due. The
      // unary + keeps the planner off that index for this one case.
      const order = query.dueOnOrBefore !== undefined ? '+created_at DESC, +id DESC' : 'created_at DESC, id DESC';
      const from = dueQueue ? 'opinions INDEXED BY opinions_open_due' : 'opinions';
      const sql = `SELECT ${OPINION_COLUMNS()} FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${order} LIMIT ?`;
      const rows = listStatement(sql).all([...params, query.limit + 1]) as OpinionRow[];
      const items = rows.slice(0, query.limit).map(opinionFromRow);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
    },
    listTimeline: async (opinionId) => (timeline.all(opinionId) as EventRow[]).map(fromEventRow),
    listDueOutbox: async (now, limit) => (dueOutbox.all(now, limit) as OutboxRow[]).map(fromOutboxRow),
    updateOutbox: async (message, expectedAttempts) =>
      updateOutboxRow.run({
        id: message.id,
        status: message.status,
        attempts: message.attempts,
        nextAttemptAt: message.nextAttemptAt,
        lastError: message.lastError ?? null,
        expected: expectedAttempts,
      }).changes === 1,
    recordMediaChecks: async (opinionId, checks) => recordChecks(opinionId, checks),
    findMediaCheck: async (traceId) => {
      const row = mediaCheck.get(traceId) as { opinion_id: string; file_id: string } | undefined;
      return row ? { opinionId: row.opinion_id, fileId: row.file_id } : null;
    },
    listOutbox: async (limit) => (recentOutbox.all(limit) as OutboxRow[]).map(fromOutboxRow),
    ...createSqliteFigures(db),
    ...createSqliteCounters(db),
  };
}
