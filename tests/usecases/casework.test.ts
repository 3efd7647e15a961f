import {
  addNote,
  assignOpinion,
  closeOpinion,
  listInbox,
  rejectOpinion,
  releaseOpinion,
  replyToOpinion,
  resolveOpinion,
  transferOpinion,
} from '../../server/services/casework';
import { getOpinion } from '../../server/services/voter-opinions';
import type { Opinion } from '../../src/domain/opinion';
import {
  anOpinion,
  aStreet,
  DAY,
  DEPUTIES,
  DUE,
  HELD_WORD,
  outbox,
  PEOPLE,
  refusal,
  type Street,
  timelineKinds,
  WEST,
} from '../support/builders';

// Case handling (docs/DESIGN.md, The opinion lifecycle): who may reply, transfer, resolve,
// reject, assign, release and close, from which status; each change writes its timeline line
// and the messages it owes in the same commit, and a refused change writes nothing.

const STALE = '这条意见的状态已经变化，请刷新后再操作';
const ANSWER = '已联系交警部门，下周起该路口绿灯延长至45秒。';
let street: Street;
beforeEach(async () => {
  street = await aStreet();
});
afterEach(() => street.store.close());

const as = (who: string) => street.as(who);
/** What a refused call left behind: the opinion, its timeline and the outbox, unchanged. */
const snapshot = async (id: string) => ({
  opinion: await street.store.getOpinion(id),
  timeline: await timelineKinds(street, id),
  outbox: await outbox(street),
});

describe('reply: the assigned deputy answers, and the voter is told', () => {
  test('an assigned opinion becomes 已答复, with a public line and reply_to_voter for its author', async () => {
    const { id } = await anOpinion(street, 'assigned');
    const view = await replyToOpinion({ opinionId: id, content: ANSWER }, await as(PEOPLE.chen));
    expect(view).toMatchObject({ status: 'replied', reply: { content: ANSWER, deputyName: '陈建国' } });
    expect(await timelineKinds(street, id)).toEqual(['submitted', 'replied']);
    expect(await outbox(street)).toEqual([{ kind: 'reply_to_voter', to: PEOPLE.voter, about: id }]);
  });

  test('a transferred opinion may be answered too', async () => {
    const { id } = await anOpinion(street, 'transferred');
    expect((await replyToOpinion({ opinionId: id, content: ANSWER }, await as(PEOPLE.chen))).status).toBe('replied');
  });

  test('nobody else replies: staff and the voter are FORBIDDEN; to any other deputy it does not exist', async () => {
    const { id } = await anOpinion(street, 'assigned');
    const before = await snapshot(id);
    for (const who of [PEOPLE.staff, PEOPLE.voter]) {
      expect(await refusal(replyToOpinion({ opinionId: id, content: ANSWER }, await as(who)))).toEqual({
        code: 'FORBIDDEN',
        message: '只有被分派的代表可以这样做',
      });
    }
    for (const who of [PEOPLE.li, PEOPLE.westDeputy]) {
      expect(await refusal(replyToOpinion({ opinionId: id, content: ANSWER }, await as(who)))).toEqual({
        code: 'NOT_FOUND',
        message: '没有找到这条意见',
      });
    }
    expect(await snapshot(id)).toEqual(before);
  });

  test('once replied, resolved or closed it cannot be answered again: CONFLICT', async () => {
    for (const status of ['replied', 'resolved', 'closed', 'withdrawn'] as const) {
      const { id } = await anOpinion(street, status, { assignedDeputyId: DEPUTIES.chen.id });
      expect(await refusal(replyToOpinion({ opinionId: id, content: ANSWER }, await as(PEOPLE.chen)))).toEqual({
        code: 'CONFLICT',
        message: STALE,
      });
    }
  });

  test('a reply the content check does not pass cleanly is refused, and nothing is written', async () => {
    const { id } = await anOpinion(street, 'assigned');
    const before = await snapshot(id);
    const answer = replyToOpinion({ opinionId: id, content: `${ANSWER}${HELD_WORD}` }, await as(PEOPLE.chen));
    expect((await refusal(answer)).code).toBe('CONTENT_REJECTED');
    expect(await snapshot(id)).toEqual(before);
  });
});

describe('transfer: the assigned deputy refers it to a handling unit', () => {
  test('the voter sees the unit and the expected date; the reply due date does not change', async () => {
    const { id } = await anOpinion(street, 'assigned');
    const input = { opinionId: id, unit: '县交通运输局', expectedDate: '2026-03-31' };
    const view = await transferOpinion(input, await as(PEOPLE.chen));
    expect(view).toMatchObject({ status: 'transferred', replyDueDate: DUE });
    const line = (await street.store.listTimeline(id)).at(-1);
    expect(line).toMatchObject({ kind: 'transferred', visibility: 'public' });
    expect(line?.text).toBe('已转交县交通运输局办理，预计3月31日 周二前办结');
  });

  test('an expected date before today is INVALID_INPUT; staff may not transfer (FORBIDDEN)', async () => {
    const { id } = await anOpinion(street, 'assigned');
    const late = { opinionId: id, unit: '县交通运输局', expectedDate: '2026-03-01' };
    expect(await refusal(transferOpinion(late, await as(PEOPLE.chen)))).toEqual({
      code: 'INVALID_INPUT',
      message: '预计办结日期不能早于今天',
    });
    const input = { ...late, expectedDate: '2026-03-31' };
    expect((await refusal(transferOpinion(input, await as(PEOPLE.staff)))).code).toBe('FORBIDDEN');
  });
});

describe('resolve: staff of the station confirm a replied opinion', () => {
  test('it becomes 已办结 and its author is told (resolved_to_voter), who may then rate it', async () => {
    const { id } = await anOpinion(street, 'replied');
    const view = await resolveOpinion({ opinionId: id, note: '现场核实，配时已调整' }, await as(PEOPLE.staff));
    expect(view).toMatchObject({ status: 'resolved', resolution: { note: '现场核实，配时已调整' } });
    expect(await timelineKinds(street, id)).toEqual(['submitted', 'resolved']);
    expect(await outbox(street)).toEqual([{ kind: 'resolved_to_voter', to: PEOPLE.voter, about: id }]);
  });

  test('not before a reply (CONFLICT), not by the deputy (FORBIDDEN), not by another station’s staff (NOT_FOUND)', async () => {
    const assigned = await anOpinion(street, 'assigned');
    expect((await refusal(resolveOpinion({ opinionId: assigned.id, note: '好' }, await as(PEOPLE.staff)))).code).toBe(
      'CONFLICT',
    );
    const { id } = await anOpinion(street, 'replied');
    expect((await refusal(resolveOpinion({ opinionId: id, note: '好' }, await as(PEOPLE.chen)))).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(resolveOpinion({ opinionId: id, note: '好' }, await as(PEOPLE.westStaff)))).code).toBe(
      'NOT_FOUND',
    );
    expect(await outbox(street)).toEqual([]);
  });

  test('the committee may resolve an opinion of any station', async () => {
    const { id } = await anOpinion(street, 'replied');
    expect((await resolveOpinion({ opinionId: id, note: '已核实' }, await as(PEOPLE.admin))).status).toBe('resolved');
  });
});

describe('reject: out of remit, or a duplicate merged into another opinion', () => {
  const outOfRemit = (id: string) => ({ opinionId: id, kind: 'out_of_remit' as const, reason: '属于省道，已告知渠道' });

  test('out of remit: the voter is told the reason (rejected_to_voter)', async () => {
    const { id } = await anOpinion(street, 'assigned');
    const view = await rejectOpinion(outOfRemit(id), await as(PEOPLE.staff));
    expect(view).toMatchObject({ status: 'rejected', rejection: { kind: 'out_of_remit' } });
    expect((await street.store.listTimeline(id)).at(-1)?.text).toBe('不予受理：属于省道，已告知渠道');
    expect(await outbox(street)).toEqual([{ kind: 'rejected_to_voter', to: PEOPLE.voter, about: id }]);
  });

  test('a duplicate names another opinion of the station that is still being handled', async () => {
    const carrier = await anOpinion(street, 'assigned');
    const { id } = await anOpinion(street, 'submitted');
    const duplicate = (mergedInto?: string) => ({
      opinionId: id,
      kind: 'duplicate' as const,
      reason: '同一路口',
      mergedInto,
    });
    const refusedMerge = { code: 'INVALID_INPUT', message: '请指明本站另一条意见作为合并对象' };
    const elsewhere = await anOpinion(street, 'assigned', { stationId: WEST.id, assignedDeputyId: DEPUTIES.west.id });
    const withdrawn = await anOpinion(street, 'withdrawn');
    for (const target of [undefined, id, elsewhere.id, withdrawn.id]) {
      expect(await refusal(rejectOpinion(duplicate(target), await as(PEOPLE.staff)))).toEqual(refusedMerge);
    }
    const view = await rejectOpinion(duplicate(carrier.id), await as(PEOPLE.staff));
    expect(view.rejection).toMatchObject({ kind: 'duplicate', mergedInto: carrier.id });
  });

  test('once replied it can no longer be rejected; deputies never reject', async () => {
    const replied = await anOpinion(street, 'replied');
    expect((await refusal(rejectOpinion(outOfRemit(replied.id), await as(PEOPLE.staff)))).code).toBe('CONFLICT');
    const { id } = await anOpinion(street, 'assigned');
    expect((await refusal(rejectOpinion(outOfRemit(id), await as(PEOPLE.chen)))).code).toBe('FORBIDDEN');
  });
});

describe('assign: staff choose the deputy, or ask the rule for another', () => {
  test('a named deputy in office gets it with a new due date and is told; an earlier transfer is cleared', async () => {
    const { id } = await anOpinion(street, 'transferred');
    street.now += DAY;
    const view = await assignOpinion({ opinionId: id, deputyId: DEPUTIES.li.id }, await as(PEOPLE.staff));
    expect(view).toMatchObject({
      status: 'assigned',
      assignedDeputy: { id: DEPUTIES.li.id },
      replyDueDate: '2026-03-17',
    });
    expect((await street.store.getOpinion(id))?.transfer).toBeUndefined();
    expect(await timelineKinds(street, id)).toEqual(['submitted', 'assigned', 'routing']);
    expect(await outbox(street)).toEqual([{ kind: 'assigned_to_deputy', to: PEOPLE.li, about: id }]);
  });

  test('not to a deputy on leave, nor to one of another station: INVALID_INPUT; not the same one again', async () => {
    const { id } = await anOpinion(street, 'assigned');
    for (const deputy of [DEPUTIES.wang, DEPUTIES.west]) {
      expect(await refusal(assignOpinion({ opinionId: id, deputyId: deputy.id }, await as(PEOPLE.staff)))).toEqual({
        code: 'INVALID_INPUT',
        message: '只能分派给本站在任的代表',
      });
    }
    const same = assignOpinion({ opinionId: id, deputyId: DEPUTIES.chen.id }, await as(PEOPLE.staff));
    expect(await refusal(same)).toEqual({ code: 'CONFLICT', message: '已经分派给这位代表' });
  });

  test('asking the rule chooses someone other than the current deputy (never the one on leave)', async () => {
    const { id } = await anOpinion(street, 'assigned');
    const view = await assignOpinion({ opinionId: id }, await as(PEOPLE.staff));
    expect(view.assignedDeputy?.id).toBe(DEPUTIES.li.id);
    expect((await street.store.getOpinion(id))?.routingReason).toMatch(/^林晓燕按分派规则重新分派：/);
  });
});

describe('release and close: staff settle what the system put before them', () => {
  test('a held opinion, once released, is routed as if new', async () => {
    const { id } = await anOpinion(street, 'held');
    const view = await releaseOpinion({ opinionId: id }, await as(PEOPLE.staff));
    expect(view).toMatchObject({ status: 'assigned', assignedDeputy: { id: DEPUTIES.chen.id } });
    expect(await timelineKinds(street, id)).toEqual(['submitted', 'released', 'assigned', 'routing']);
    expect(await outbox(street)).toEqual([{ kind: 'assigned_to_deputy', to: PEOPLE.chen, about: id }]);
  });

  test('only an opinion under review after a second 不满意 is closed by staff, which clears the review', async () => {
    const resolved = await anOpinion(street, 'resolved');
    expect(await refusal(closeOpinion({ opinionId: resolved.id, note: '复核' }, await as(PEOPLE.staff)))).toEqual({
      code: 'CONFLICT',
      message: '这条意见不需要复核',
    });
    const { id } = await anOpinion(street, 'resolved', { reopenCount: 1, staffReview: true });
    const view = await closeOpinion({ opinionId: id, note: '复核后结案' }, await as(PEOPLE.staff));
    expect(view).toMatchObject({ status: 'closed', staffReview: false });
  });
});

describe('notes and queues', () => {
  test('a note is an internal line: the deputy and staff read it, the voter does not', async () => {
    const { id } = await anOpinion(street, 'assigned');
    await addNote({ opinionId: id, text: '已电话联系选民' }, await as(PEOPLE.chen));
    const notes = async (who: string) =>
      (await getOpinion({ opinionId: id }, await as(who))).timeline.filter((e) => e.text === '已电话联系选民');
    expect(await notes(PEOPLE.staff)).toMatchObject([{ internal: true, actorName: '代表 陈建国' }]);
    expect(await notes(PEOPLE.voter)).toEqual([]);
    expect((await refusal(addNote({ opinionId: id, text: '我也来' }, await as(PEOPLE.voter)))).code).toBe('FORBIDDEN');
  });

  test('a deputy’s inbox holds what is assigned to them; overdue means past its due date and still open', async () => {
    const late: Opinion = await anOpinion(street, 'assigned', { replyDueDate: '2026-02-27' });
    await anOpinion(street, 'assigned');
    await anOpinion(street, 'assigned', { assignedDeputyId: DEPUTIES.li.id });
    await anOpinion(street, 'replied', { replyDueDate: '2026-02-27' });
    const ids = async (who: string, filter?: 'overdue') =>
      (await listInbox(filter ? { filter } : {}, await as(who))).items.map((s) => s.id);
    expect(await ids(PEOPLE.chen)).toHaveLength(3);
    expect(await ids(PEOPLE.chen, 'overdue')).toEqual([late.id]);
    expect((await refusal(listInbox({}, await as(PEOPLE.voter)))).code).toBe('FORBIDDEN');
  });
});
