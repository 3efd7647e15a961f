import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { main as evaluations } from '../../cloudfunctions/evaluations/index';
import { COLLECTION_NAMES } from '../../server/adapters/cloudbase/collections';
import { createCloudbaseStore } from '../../server/adapters/cloudbase/cloudbase-store';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { seedDemoData } from '../../server/local/seed';
import type { Store } from '../../server/ports/store';
import { setRuntime } from '../../server/runtime/runtime';
import { createMemoryDatabase, memoryCloudbaseApp } from '../support/memory-cloudbase';
import { testRuntime } from '../support/test-runtime';

// The ballot box, as the committee's database administrator would try to open it: after a
// dozen voters rate through the real function, every table or collection and the audit log are
// read whole, and nothing that holds an answer may lead back to the voter who gave it — no
// OPENID, no time finer than a day, no id shared with the participations, and not even the order
// in which the answers are stored.

const T0 = Date.UTC(2026, 2, 12, 1, 0); // 2026-03-12 09:00 Shanghai
let now = T0;
const clock = { now: () => now };
const context = (openid: string) => ({ environment: JSON.stringify({ WX_OPENID: openid }) });

// Voters rate in this order, which is neither the order of their OPENIDs nor of their comments.
const ORDER = [7, 2, 11, 0, 5, 9, 3, 10, 1, 8, 4, 6];
const voter = (n: number) => `ballot-voter-${String(n).padStart(2, '0')}`;
const commentOf = (n: number) => `第${n}号选民的意见：接待日希望多安排晚上`;
const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;

type Row = Record<string, unknown>;
interface Dump {
  /** Every row or document of every table or collection, by its name, in storage order. */
  tables: Map<string, Row[]>;
  /** The comments as the answer store keeps them, in storage order. */
  storedComments: string[];
}

async function rateThroughTheFunction(store: Store, dir: string): Promise<string> {
  setRuntime(testRuntime(store, clock, dir));
  await seedDemoData(store, clock);
  const call = async (openid: string, event: Record<string, unknown>) => {
    const answer = await evaluations(event, context(openid));
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data as { id: string };
  };
  const round = await call('demo-staff', {
    action: 'open',
    district: '第二选区',
    opensOn: '2026-03-12',
    closesOn: '2026-03-20',
    periodFrom: '2026-01-01',
    periodTo: '2026-03-11',
  });
  for (const [i, n] of ORDER.entries()) {
    now = T0 + i * 61_000;
    await call(voter(n), { action: 'setDistrict', district: '第二选区' });
    await call(voter(n), {
      action: 'rate',
      roundId: round.id,
      deputyId: 'd03',
      satisfaction: SATISFACTIONS[n % 3],
      comment: commentOf(n),
    });
    await call(voter(n), { action: 'rate', roundId: round.id, deputyId: 'd08', satisfaction: 'satisfied' });
  }
  return round.id;
}

const sqliteDump = (file: string): Dump => {
  const db = new Database(file, { readonly: true });
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>)
    .map((r) => r.name)
    .filter((n) => !n.startsWith('sqlite_'));
  const tables = new Map(names.map((n) => [n, db.prepare(`SELECT * FROM "${n}"`).all() as Row[]]));
  // no ORDER BY: the rows as the file stores them
  const storedComments = (
    db.prepare('SELECT comment FROM evaluation_answers').all() as Array<{ comment: string | null }>
  )
    .map((r) => r.comment)
    .filter((c): c is string => c !== null);
  db.close();
  return { tables, storedComments };
};

const cloudbaseDump = (db: ReturnType<typeof createMemoryDatabase>): Dump => {
  const tables = new Map(COLLECTION_NAMES.map((n) => [n as string, db.dump(n)]));
  const storedComments = (tables.get('evaluation_ballots') ?? []).flatMap((b) =>
    ((b.comments as Array<{ comment: string }>) ?? []).map((c) => c.comment),
  );
  return { tables, storedComments };
};

/** Every string and number anywhere inside a row. */
function leaves(value: unknown): Array<string | number> {
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed !== null && typeof parsed === 'object') return [value, ...leaves(parsed)];
    } catch {
      // not JSON: a plain string
    }
    return [value];
  }
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [];
}

const VOTERS = ORDER.map(voter);
const COMMENTS = ORDER.map(commentOf);
const holdsComment = (row: Row) =>
  leaves(row).some((v) => typeof v === 'string' && COMMENTS.some((c) => v.includes(c)));

function expectNoLink({ tables, storedComments }: Dump, answerTable: string, participantTable: string) {
  const holding = [...tables].filter(([, rows]) => rows.some(holdsComment)).map(([name]) => name);
  // the comments are in the answer store and nowhere else: not in the audit log, not with the participations
  expect(holding).toEqual([answerTable]);
  const answers = tables.get(answerTable)!;
  expect(answers.length).toBeGreaterThan(0);
  const participants = tables.get(participantTable)!;
  expect(participants.filter((p) => VOTERS.includes(String(p.voter_openid ?? p.voterOpenid))).length).toBe(24);
  const participantIds = new Set(participants.flatMap((p) => [p.id, p._id]).filter((x) => x !== undefined));
  for (const row of answers) {
    const values = leaves(row);
    // no OPENID of anyone who rated
    expect(values.filter((v) => typeof v === 'string' && VOTERS.some((o) => v.includes(o)))).toEqual([]);
    // no instant: no number as large as a millisecond (or second) timestamp, no time of day
    expect(values.filter((v) => typeof v === 'number' && v > 1e9)).toEqual([]);
    expect(values.filter((v) => typeof v === 'string' && /\d{2}:\d{2}|T\d{2}/.test(v))).toEqual([]);
    // no id of a participation
    expect(values.filter((v) => participantIds.has(v))).toEqual([]);
  }
  // the audit log names who rated and whom, never what they answered
  const rateLines = tables.get('audit_log')!.filter((a) => a.action === 'evaluations.rate');
  expect(rateLines.length).toBeGreaterThanOrEqual(24);
  for (const line of rateLines) {
    expect(leaves(line).filter((v) => typeof v === 'string' && /satisf/.test(v))).toEqual([]);
  }
  // and the order the answers are stored in is neither the order they came in nor the voters' order
  const mine = storedComments.filter((c) => COMMENTS.includes(c));
  expect([...mine].sort()).toEqual([...COMMENTS].sort());
  expect(mine).not.toEqual(COMMENTS);
  expect(mine).not.toEqual([...ORDER].sort((a, b) => a - b).map(commentOf));
  // the old table that held the voter beside the answer is gone (SQLite) or empty (CloudBase)
  expect(tables.get('deputy_evaluations') ?? []).toEqual([]);
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lianluo-ballot-'));
  now = T0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('an administrator holding the whole database cannot tell what a voter answered', () => {
  test('SQLite: participants and answers share no key, id, order or time', async () => {
    const file = join(dir, 'store.sqlite');
    const store = createSqliteStore(file);
    await rateThroughTheFunction(store, dir);
    expectNoLink(sqliteDump(file), 'evaluation_answers', 'evaluation_participants');
    store.db.close();
  });

  test('CloudBase: participations and ballots share no key, id, order or time', async () => {
    const db = createMemoryDatabase({ collections: COLLECTION_NAMES });
    await rateThroughTheFunction(createCloudbaseStore(memoryCloudbaseApp(db)), dir);
    expectNoLink(cloudbaseDump(db), 'evaluation_ballots', 'evaluation_participants');
  });
});
