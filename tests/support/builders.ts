import { createWordListCheck } from '../../server/adapters/local/word-list-check';
import { nodeIds } from '../../server/adapters/node-ids';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import type { ContentCheck } from '../../server/ports/content-check';
import type { DocumentWriter, FileStorage } from '../../server/ports/documents';
import type { AuditEntry, Store } from '../../server/ports/store';
import { identify, type ServiceConfig, type ServiceContext } from '../../server/services/context';
import type { CategoryId } from '../../src/domain/categories';
import { AppError, type ErrorCode } from '../../src/domain/errors';
import type { Opinion, OpinionStatus } from '../../src/domain/opinion';
import type { Account } from '../../src/domain/roles';
import type { Deputy, Station } from '../../src/domain/station';

// Small builders for the use-case tests (tests/usecases/): a street on the real SQLite store in
// memory, a fixed clock the test moves by hand, the local word-list content check, and callers
// as the platform would name them. No HTTP and no WeChat: the services are called directly.

/** Monday 2 March 2026, 10:00 in Shanghai: no holiday within the next ten working days. */
export const NOW = Date.UTC(2026, 2, 2, 2, 0);
export const TODAY = '2026-03-02';
/** Ten working days after TODAY: the reply due date of an opinion assigned today. */
export const DUE = '2026-03-16';
export const DAY = 24 * 60 * 60 * 1000;

/** Who is who on the street. Deputies' OPENIDs are those of the accounts linked to them. */
export const PEOPLE = {
  voter: 'voter-zhang',
  otherVoter: 'voter-wu',
  chen: 'openid-chen',
  li: 'openid-li',
  westDeputy: 'openid-west',
  staff: 'staff-lin',
  westStaff: 'staff-west',
  admin: 'committee',
} as const;

/** A word the local content check holds for review, and one it refuses. */
export const HELD_WORD = '垃圾东西';
export const RISKY_WORD = '赌博网站';

const station = (id: string, name: string, sortOrder: number): Station => ({
  id,
  name,
  kind: 'liaison_station',
  setting: 'community',
  address: `${name}一楼`,
  location: { latitude: 29.47, longitude: 121.87 + sortOrder / 100 },
  phone: '0574-65710000',
  districts: [`第${sortOrder}选区`],
  // 5th of odd months, 20th of even months: the next session after TODAY is 5 March.
  receptionRule: { oddMonthDay: 5, evenMonthDay: 20, start: '08:30', end: '11:30' },
  sortOrder,
});

export const EAST = station('st-east', '东门社区人大代表联络站', 1);
export const WEST = station('st-west', '西门社区人大代表联络站', 2);

const deputy = (id: string, name: string, focus: CategoryId[], fields: Partial<Deputy> = {}): Deputy => ({
  id,
  stationId: EAST.id,
  name,
  title: '县人大代表',
  focusCategories: focus,
  active: true,
  ...fields,
});

/** East's deputies: two who follow transport (one of them on leave), one housing, one environment. */
export const DEPUTIES = {
  chen: deputy('d-chen', '陈建国', ['transport']),
  li: deputy('d-li', '李秀英', ['housing']),
  /** On leave: still a deputy of the station, but not serving (`active: false`). */
  wang: deputy('d-wang', '王志强', ['transport'], { active: false }),
  zhao: deputy('d-zhao', '赵海燕', ['environment']),
  west: deputy('d-west', '孙立平', ['transport'], { stationId: WEST.id }),
} as const;

const account = (openid: string, fields: Omit<Account, 'openid' | 'createdAt'>): Account => ({
  openid,
  createdAt: NOW - 30 * DAY,
  ...fields,
});

const ACCOUNTS: Account[] = [
  account(PEOPLE.chen, { role: 'deputy', stationId: EAST.id, deputyId: DEPUTIES.chen.id }),
  account(PEOPLE.li, { role: 'deputy', stationId: EAST.id, deputyId: DEPUTIES.li.id }),
  account(PEOPLE.westDeputy, { role: 'deputy', stationId: WEST.id, deputyId: DEPUTIES.west.id }),
  account(PEOPLE.staff, { role: 'staff', stationId: EAST.id, displayName: '林晓燕' }),
  account(PEOPLE.westStaff, { role: 'staff', stationId: WEST.id, displayName: '周敏' }),
];

/** The openid a deputy of the street signs in with, or undefined for a deputy without an account. */
export const deputyOpenid = (deputyId: string): string | undefined =>
  ACCOUNTS.find((a) => a.deputyId === deputyId)?.openid;

const setup = (targetId: string): AuditEntry => ({
  at: NOW - 30 * DAY,
  actor: 'builder',
  action: 'test.setup',
  targetType: 'street',
  targetId,
});

// The use cases tested here make no documents and store no files.
const unused = (what: string) => () => Promise.reject(new Error(`${what} is not part of this use case`));
const documents: DocumentWriter = { annualReport: unused('a report'), opinionsSheet: unused('a sheet') };
const files: FileStorage = { save: unused('a file'), link: unused('a link'), remove: unused('a deletion') };

export interface Street {
  store: Store;
  /** The fixed clock: the tests set it. */
  now: number;
  config: ServiceConfig;
  contentCheck: ContentCheck;
  /** The context of a call by `openid` (absent: a caller the platform did not name). */
  as(openid?: string): Promise<ServiceContext>;
}

/**
 * A street with two stations: East (the deputies above, staff 林晓燕) and West (one deputy, staff
 * 周敏), on an empty store (SQLite in memory unless another is given), at NOW, with `committee`
 * as the admin.
 */
export async function aStreet(
  config: Partial<ServiceConfig> = {},
  store: Store = createSqliteStore(':memory:'),
): Promise<Street> {
  for (const s of [EAST, WEST]) await store.putStation(s, setup(s.id));
  for (const d of Object.values(DEPUTIES)) await store.putDeputy(d, setup(d.id));
  for (const a of ACCOUNTS) await store.putAccount(a, setup(a.openid));
  const street: Street = {
    store,
    now: NOW,
    config: { adminOpenids: [PEOPLE.admin], dailySubmitLimit: 10, subscribeTemplates: {}, ...config },
    contentCheck: createWordListCheck(),
    as: async (openid) => ({
      store,
      clock: { now: () => street.now },
      contentCheck: street.contentCheck,
      ids: nodeIds,
      documents,
      files,
      config: street.config,
      caller: identify(store, street.config, openid),
    }),
  };
  return street;
}

/** Put `deputyIds` on duty at `stationId`'s session of March 2026 (the next one). */
export async function onDutyNextSession(street: Street, deputyIds: string[], stationId = EAST.id) {
  await street.store.putSessionOverride({ stationId, month: '2026-03', deputyIds }, setup(stationId));
}

let counter = 0;

/**
 * An opinion already in `status`, written straight to the store with what that status implies
 * (a deputy and due date once assigned, a reply once replied, a resolution, a rating …): voter
 * 张's transport opinion at East, assigned to 陈建国. `fields` change any of it.
 */
export async function anOpinion(street: Street, status: OpinionStatus, fields: Partial<Opinion> = {}) {
  counter += 1;
  const at = street.now - DAY;
  const routed = !['submitted', 'held'].includes(status);
  const replied = ['replied', 'resolved', 'closed'].includes(status);
  const resolved = ['resolved', 'closed'].includes(status);
  const opinion: Opinion = {
    id: `op-built-${counter}`,
    stationId: EAST.id,
    category: 'transport',
    content: '东门路口的红绿灯时间太短，老人过马路来不及。',
    images: [],
    anonymous: false,
    authorOpenid: PEOPLE.voter,
    source: 'app',
    submittedBy: PEOPLE.voter,
    requestId: `built-${counter}`,
    status,
    version: 1,
    createdAt: at,
    reopenCount: 0,
    updatedAt: at,
    ...(routed && status !== 'rejected' && status !== 'withdrawn'
      ? { assignedDeputyId: DEPUTIES.chen.id, assignedAt: at, replyDueDate: DUE, routingReason: '测试分派' }
      : {}),
    ...(status === 'transferred' ? { transfer: { unit: '县交通运输局', expectedDate: '2026-03-20', at } } : {}),
    ...(replied ? { reply: { content: '已联系交警部门调整配时。', deputyId: DEPUTIES.chen.id, at } } : {}),
    ...(resolved ? { resolution: { note: '配时已调整', at, by: PEOPLE.staff } } : {}),
    ...(status === 'closed' ? { rating: { satisfaction: 'satisfied' as const, at } } : {}),
    ...(status === 'rejected' ? { rejection: { kind: 'out_of_remit' as const, reason: '不属于受理范围', at } } : {}),
    ...fields,
  };
  const submitted = {
    opinionId: opinion.id,
    at,
    actorRole: 'voter' as const,
    actorName: '选民',
    kind: 'submitted',
    text: '意见已提交',
    visibility: 'public' as const,
  };
  await street.store.createOpinion(opinion, [submitted], []);
  return opinion;
}

/** The timeline kinds of an opinion, oldest first (the opinion's audit trail). */
export async function timelineKinds(street: Street, opinionId: string): Promise<string[]> {
  return (await street.store.listTimeline(opinionId)).map((e) => e.kind);
}

/** Every outbox message written so far, as (kind → recipient) pairs, oldest first. */
export async function outbox(street: Street): Promise<Array<{ kind: string; to: string; about: string }>> {
  const messages = await street.store.listOutbox(1000);
  return messages
    .sort((a, b) => a.createdAt - b.createdAt || String(a.id).localeCompare(String(b.id), 'en', { numeric: true }))
    .map((m) => ({ kind: m.kind, to: m.recipientOpenid, about: m.subjectId }));
}

/** The error a call is refused with: its code and Chinese message (fails when it succeeds). */
export async function refusal(call: Promise<unknown>): Promise<{ code: ErrorCode; message: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the call was expected to be refused, and it succeeded');
}
