import type { OutboxMessage } from '../../server/ports/opinion-store';
import type { SuggestionChange } from '../../server/ports/suggestion-store';
import type { Account, Invite } from '../../src/domain/roles';
import type { Suggestion, SuggestionStatus } from '../../src/domain/suggestion';
import {
  answered,
  aSuggestion,
  assigned,
  changed,
  coSignedBy,
  DAY_MS,
  declined,
  keySupervised,
  markedOverdue,
  rated,
  returnAsked,
  SG_T0,
  submitted,
  withdrawn,
} from '../support/suggestion-builders';
import { opinion } from './opinion-fixtures';
import type { ContractContext } from './store-contract';

/**
 * 代表建议 and 承办单位: units and their contacts, a 建议 written whole under its version with
 * what the change tells people, the boxes of deputies and units, the deadline watch and the
 * figures. Runs after placesContract, whose station `a` the source opinions belong to.
 */
export function suggestionsContract({ store, id, audit }: ContractContext) {
  const change = (suggestionId: string, fields: Partial<SuggestionChange> = {}): SuggestionChange => ({
    audit: {
      at: SG_T0,
      actor: id('admin'),
      action: 'suggestion.test',
      targetType: 'suggestion',
      targetId: suggestionId,
    },
    opinionEvents: [],
    outbox: [],
    ...fields,
  });
  const create = async (...suggestions: Suggestion[]) => {
    for (const s of suggestions) await store.createSuggestion(s, change(s.id));
  };

  describe('承办单位 and their contacts', () => {
    test('units are listed by their order, then id, active or not; a put replaces a unit and is audited', async () => {
      const unit = (key: string, name: string, sortOrder: number, active = true) => ({
        id: id(key),
        name,
        active,
        sortOrder,
      });
      await store.putHandlingUnit(unit('hu-b', '县住建局', 2), audit(id('hu-b')));
      await store.putHandlingUnit(unit('hu-c', '县市场监管局', 1, false), audit(id('hu-c')));
      await store.putHandlingUnit(unit('hu-a', '县交通局', 1), audit(id('hu-a')));
      await store.putHandlingUnit(unit('hu-b', '县住房和城乡建设局', 2), audit(id('hu-b')));

      const ours = (await store.listHandlingUnits()).filter((u) => u.id.startsWith(id('hu-')));
      expect(ours).toEqual([
        unit('hu-a', '县交通局', 1),
        unit('hu-c', '县市场监管局', 1, false),
        unit('hu-b', '县住房和城乡建设局', 2),
      ]);
      expect(await store.getHandlingUnit(id('hu-c'))).toEqual(unit('hu-c', '县市场监管局', 1, false));
      expect(await store.getHandlingUnit(id('hu-none'))).toBeNull();
      expect((await store.listAudit('station', id('hu-b'))).map((a) => a.action)).toEqual(['test.put', 'test.put']);
    });

    test('a unit contact’s account and invite keep their unit; a unit lists its contacts’ accounts only', async () => {
      const contact = (key: string, unitId: string): Account => ({
        openid: id(key),
        role: 'unit',
        unitId,
        displayName: '王科长',
        createdAt: SG_T0,
      });
      await store.putAccount(contact('uc-2', id('hu-a')), audit(id('uc-2')));
      await store.putAccount(contact('uc-1', id('hu-a')), audit(id('uc-1')));
      await store.putAccount(contact('uc-3', id('hu-b')), audit(id('uc-3')));
      // a staff member whose station id happens to equal the unit's is no contact of it
      await store.putAccount(
        { openid: id('uc-staff'), role: 'staff', stationId: id('hu-a'), createdAt: SG_T0 },
        audit(id('uc-staff')),
      );
      expect(await store.getAccount(id('uc-1'))).toEqual(contact('uc-1', id('hu-a')));
      expect(await store.listUnitAccounts(id('hu-a'))).toEqual([
        contact('uc-1', id('hu-a')),
        contact('uc-2', id('hu-a')),
      ]);
      expect(await store.listUnitAccounts(id('hu-none'))).toEqual([]);

      const code = id('UNITINV').toUpperCase();
      const invite: Invite = {
        code,
        role: 'unit',
        stationId: '',
        unitId: id('hu-b'),
        displayName: '李主任',
        expiresAt: 2e12,
        issuedBy: id('admin'),
      };
      await store.putInvite(invite, audit(code));
      expect(await store.getInvite(code)).toEqual(invite);
      const redeemer = contact('uc-4', id('hu-b'));
      expect(await store.redeemInvite(code, redeemer, audit(code))).toBe('redeemed');
      expect(await store.getAccount(id('uc-4'))).toEqual(redeemer);
      expect((await store.listUnitAccounts(id('hu-b'))).map((a) => a.openid)).toEqual([id('uc-3'), id('uc-4')]);
    });
  });

  describe('a 建议 and its changes', () => {
    const sourceOpinion = () => opinion(900, { id: id('sg-op'), stationId: id('a'), authorOpenid: id('sg-voter') });
    const told = (text: string, at: number) => ({
      opinionId: id('sg-op'),
      at,
      actorRole: 'admin' as const,
      actorName: '人大工委',
      kind: 'suggestion_assigned',
      text,
      visibility: 'public' as const,
    });
    const message = (recipient: string, at: number): OutboxMessage => ({
      kind: 'suggestion_assigned',
      recipientOpenid: recipient,
      subjectId: `suggestion:${id('sg-rt')}`,
      payload: { title: '环城西路路灯长期不亮' },
      createdAt: at,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: at,
    });

    test('a 建议 is read back as it was written, in every part', async () => {
      const full = aSuggestion(
        { id: id('sg-rt'), leadDeputyId: id('d1'), opinionIds: [id('sg-op')] },
        coSignedBy(id('d2'), id('d3')),
        submitted(SG_T0 + DAY_MS),
        assigned(id('hu-b'), SG_T0 + 2 * DAY_MS),
        returnAsked(id('hu-b'), SG_T0 + 3 * DAY_MS),
        assigned(id('hu-a'), SG_T0 + 4 * DAY_MS, [id('hu-b')]),
        answered('B', SG_T0 + 30 * DAY_MS),
        rated('dissatisfied', SG_T0 + 31 * DAY_MS),
        markedOverdue('2026-01-01'),
        keySupervised(SG_T0 + 32 * DAY_MS),
      );
      const draft = aSuggestion({ id: id('sg-draft'), leadDeputyId: id('d1') });
      await create(full, draft);
      expect(await store.getSuggestion(full.id)).toStrictEqual(full);
      expect(await store.getSuggestion(draft.id)).toStrictEqual(draft);
      expect(await store.getSuggestion(id('sg-none'))).toBeNull();
    });

    test('an update writes the 建议, the lines on its opinions’ timelines, the messages and the audit line', async () => {
      await store.createOpinion(sourceOpinion(), [], []);
      const before = (await store.getSuggestion(id('sg-rt'))) as Suggestion;
      const next = changed(before, { updatedAt: SG_T0 + 40 * DAY_MS, redoDueDate: '2026-05-01' });
      const at = SG_T0 + 40 * DAY_MS;
      const written = change(next.id, {
        audit: { at, actor: id('admin'), action: 'suggestion.extend', targetType: 'suggestion', targetId: next.id },
        opinionEvents: [told('您反映的问题已交县交通局办理', at)],
        outbox: [message(id('sg-told'), at)],
      });
      expect(await store.updateSuggestion(next, before.version, written)).toBe(true);

      expect(await store.getSuggestion(next.id)).toStrictEqual(next);
      expect(await store.listTimeline(id('sg-op'))).toEqual([told('您反映的问题已交县交通局办理', at)]);
      expect((await store.listMessages(id('sg-told'), undefined, 10)).items).toEqual([
        expect.objectContaining({ ...message(id('sg-told'), at), id: expect.anything() }),
      ]);
      expect((await store.listAudit('suggestion', next.id)).map((a) => a.action)).toEqual([
        'suggestion.test',
        'suggestion.extend',
      ]);
    });

    test('an update from a stale version is refused and writes nothing: no 建议, timeline line, message or audit line', async () => {
      const current = (await store.getSuggestion(id('sg-rt'))) as Suggestion;
      const at = SG_T0 + 50 * DAY_MS;
      const stale = changed({ ...current, version: current.version - 1 }, { title: '过时的修改', updatedAt: at });
      const refused = change(current.id, {
        audit: { at, actor: id('admin'), action: 'suggestion.stale', targetType: 'suggestion', targetId: current.id },
        opinionEvents: [told('不该出现的一行', at)],
        outbox: [message(id('sg-stale'), at)],
      });
      expect(await store.updateSuggestion(stale, current.version - 1, refused)).toBe(false);

      expect(await store.getSuggestion(current.id)).toStrictEqual(current);
      expect((await store.listTimeline(id('sg-op'))).map((e) => e.text)).not.toContain('不该出现的一行');
      expect((await store.listMessages(id('sg-stale'), undefined, 10)).items).toEqual([]);
      expect((await store.listAudit('suggestion', current.id)).map((a) => a.action)).not.toContain('suggestion.stale');
    });

    test('two updates from the same version: exactly one is written', async () => {
      const current = (await store.getSuggestion(id('sg-rt'))) as Suggestion;
      const a = changed(current, { title: '甲的修改', updatedAt: SG_T0 + 60 * DAY_MS });
      const b = changed(current, { title: '乙的修改', updatedAt: SG_T0 + 60 * DAY_MS });
      const results = await Promise.all([
        store.updateSuggestion(a, current.version, change(current.id)),
        store.updateSuggestion(b, current.version, change(current.id)),
      ]);
      expect([...results].sort()).toEqual([false, true]);
      expect(await store.getSuggestion(current.id)).toStrictEqual(results[0] ? a : b);
    });

    test('creating a 建议 whose id is taken fails', async () => {
      // (an error of the SQLite driver may come from another test file's realm: not `instanceof Error` here)
      await expect(
        store.createSuggestion(aSuggestion({ id: id('sg-draft') }), change(id('sg-draft'))),
      ).rejects.toHaveProperty('message');
    });
  });

  describe('whose box a 建议 is in', () => {
    const t = SG_T0 + 100 * DAY_MS;
    const dA = id('box-dA');
    const dB = id('box-dB');
    const uX = id('box-uX');
    const uY = id('box-uY');
    const s = (n: number, lead: string, ...steps: Parameters<typeof aSuggestion>[1][]) =>
      aSuggestion({ id: id(`box-${n}`), leadDeputyId: lead, createdAt: t }, ...steps);
    const s1 = s(1, dA);
    const s2 = s(2, dB, coSignedBy(dA), submitted(t + 2));
    const s3 = s(3, dA, submitted(t + 1), assigned(uX, t + 3, [uY]));
    const s4 = s(4, dB, submitted(t + 1), assigned(uY, t + 4, [uX]));
    const s5 = s(5, dB, submitted(t + 1), assigned(uX, t + 2), answered('A', t + 5));
    // changed at the same instant as s5: the id decides
    const s6 = s(6, dA, submitted(t + 1), withdrawn(t + 5));
    const ids = async (query: Omit<Parameters<typeof store.listSuggestions>[0], 'limit'>, limit = 20) =>
      (await store.listSuggestions({ ...query, limit })).items.map((x) => x.id);

    beforeAll(async () => {
      await create(s1, s2, s3, s4, s5, s6);
    });

    test('a deputy’s box holds the 建议 they lead and those they co-signed, latest change first', async () => {
      expect(await ids({ deputyId: dA })).toEqual([s6.id, s3.id, s2.id, s1.id]);
      expect(await ids({ deputyId: dB })).toEqual([s5.id, s4.id, s2.id]);
      expect(await ids({ deputyId: id('box-nobody') })).toEqual([]);
    });

    test('a unit’s box holds the 建议 it leads (主办) and those it helps with (协办)', async () => {
      expect(await ids({ unitId: uX })).toEqual([s5.id, s4.id, s3.id]);
      expect(await ids({ unitId: uY })).toEqual([s4.id, s3.id]);
      expect(await ids({ unitId: uX, deputyId: dA })).toEqual([s3.id]);
    });

    test('statuses narrow a box; no status at all lists nothing', async () => {
      const wanted: SuggestionStatus[] = ['assigned', 'answered'];
      expect(await ids({ deputyId: dB, statuses: wanted })).toEqual([s5.id, s4.id]);
      expect(await ids({ deputyId: dA, statuses: ['draft'] })).toEqual([s1.id]);
      expect(await ids({ deputyId: dA, statuses: [] })).toEqual([]);
    });

    test('pages follow each other by their cursor, with no 建议 twice and none left out', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.listSuggestions({ deputyId: dA, limit: 1, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((x) => x.id));
        cursor = page.cursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(seen).toEqual([s6.id, s3.id, s2.id, s1.id]);

      // the committee's list (every 建议) pages the same way
      const everything: string[] = [];
      cursor = undefined;
      do {
        const page = await store.listSuggestions({ limit: 3, ...(cursor ? { cursor } : {}) });
        everything.push(...page.items.map((x) => x.id));
        cursor = page.cursor;
      } while (cursor);
      expect(new Set(everything).size).toBe(everything.length);
      expect(everything.filter((x) => x.startsWith(id('box-')))).toEqual([s6.id, s5.id, s4.id, s3.id, s2.id, s1.id]);
    });

    test('a change of units rewrites the boxes: after a 退回 granted to another unit it leaves the first one’s', async () => {
      const moved = changed(s3, { assignment: { ...s3.assignment!, leadUnitId: uY, coUnitIds: [] }, updatedAt: t + 9 });
      expect(await store.updateSuggestion(moved, s3.version, change(s3.id))).toBe(true);
      expect(await ids({ unitId: uX })).toEqual([s5.id, s4.id]);
      expect(await ids({ unitId: uY })).toEqual([s3.id, s4.id]);
    });
  });

  test('the deadline watch finds what is due by a day, earliest first, at most as many as asked', async () => {
    // In 2020, before every other 建议 of the contract: only these can be due that early.
    const at = Date.UTC(2020, 0, 6, 2, 0); // Monday 6 January 2020, 10:00 in Shanghai
    const due = (n: number, ...steps: Parameters<typeof aSuggestion>[1][]) =>
      aSuggestion({ id: id(`due-${n}`), createdAt: at }, ...steps);
    const decisionFirst = due(1, submitted(at)); // decision due 2020-01-13
    const sameDay = due(0, submitted(at)); // same day, smaller id
    const answer = due(2, submitted(at), assigned(id('due-u'), at)); // 2020-04-06
    const redo = due(
      3,
      submitted(at),
      assigned(id('due-u'), at),
      answered('C', at + DAY_MS),
      rated('dissatisfied', at + 2 * DAY_MS),
    ); // 2020-02-08
    const nothingPending = due(4, submitted(at), assigned(id('due-u'), at), answered('A', at + DAY_MS));
    const draft = due(5);
    await create(decisionFirst, sameDay, answer, redo, nothingPending, draft);

    const dueBy = async (day: string, limit = 10) => (await store.listSuggestionsDue(day, limit)).map((x) => x.id);
    expect(await dueBy('2020-12-31')).toEqual([sameDay.id, decisionFirst.id, redo.id, answer.id]);
    expect(await dueBy('2020-02-08')).toEqual([sameDay.id, decisionFirst.id, redo.id]);
    expect(await dueBy('2020-02-07')).toEqual([sameDay.id, decisionFirst.id]);
    expect(await dueBy('2020-12-31', 3)).toEqual([sameDay.id, decisionFirst.id, redo.id]);
    expect(await dueBy('2020-01-12')).toEqual([]);
  });

  describe('the figures, counted by the database over a period', () => {
    // The second quarter of 2024 in Shanghai: [P0, P1). No other 建议 of the contract is in 2024.
    const P0 = Date.UTC(2024, 2, 31, 16, 0);
    const P1 = Date.UTC(2024, 5, 30, 16, 0);
    const [u1, u2] = [id('fig-u1'), id('fig-u2')];
    const f = (n: number, ...steps: Parameters<typeof aSuggestion>[1][]) =>
      aSuggestion({ id: id(`fig-${n}`), createdAt: P0 - 30 * DAY_MS }, ...steps);
    const inside = P0 + 10 * DAY_MS;
    const suggestions = [
      // submitted the moment before the period, handed over in it; its 退回 counts with its submission
      f(1, submitted(P0 - 1), returnAsked(u1, P0 - 1), assigned(u1, inside), answered('A', inside + 10 * DAY_MS)),
      // submitted at the very start
      f(
        2,
        submitted(P0),
        assigned(u1, inside),
        answered('A', inside + 10 * DAY_MS),
        rated('satisfied', inside + 12 * DAY_MS),
      ),
      // asked back by u2, handed to u1, answered late, 不满意, 督办 once
      f(
        3,
        submitted(P0 + DAY_MS),
        assigned(u2, P0 + 2 * DAY_MS),
        returnAsked(u2, P0 + 3 * DAY_MS),
        assigned(u1, inside),
        answered('B', inside + 40 * DAY_MS, false),
        rated('dissatisfied', inside + 41 * DAY_MS),
        markedOverdue('2024-07-10'),
      ),
      // with u2, which asks it back; 重点督办
      f(
        4,
        submitted(P0 + DAY_MS),
        assigned(u2, inside),
        returnAsked(u2, inside + DAY_MS),
        keySupervised(inside + 2 * DAY_MS),
      ),
      f(5, submitted(inside)),
      // submitted at the very end: outside; so is its 交办 and its 退回
      f(6, submitted(P1), returnAsked(u1, P1 + DAY_MS), assigned(u1, P1 + 2 * DAY_MS)),
      f(7, submitted(inside), declined(inside + DAY_MS)),
      f(8),
      // asked back by u1, handed to u2 the last moment of the period
      f(
        9,
        submitted(P1 - 10 * DAY_MS),
        assigned(u1, P1 - 9 * DAY_MS),
        returnAsked(u1, P1 - 8 * DAY_MS),
        assigned(u2, P1 - 1),
        answered('C', P1 - 1 + 5 * DAY_MS),
        rated('basically_satisfied', P1 + 6 * DAY_MS),
      ),
    ];
    let statusesBefore: Partial<Record<SuggestionStatus, number>> = {};

    beforeAll(async () => {
      statusesBefore = await store.countSuggestionsByStatus(P0, P1);
      await create(...suggestions);
    });

    test('建议 submitted in the period, by status', async () => {
      const after = await store.countSuggestionsByStatus(P0, P1);
      const added = Object.fromEntries(
        Object.entries(after)
          .map(([status, n]) => [status, n - (statusesBefore[status as SuggestionStatus] ?? 0)])
          .filter(([, n]) => n !== 0),
      );
      expect(added).toEqual({ settled: 2, redo: 1, returned: 1, submitted: 1, declined: 1 });
    });

    test('per 主办 unit, the 建议 handed over in the period and what became of them', async () => {
      const ours = (await store.countSuggestionsByUnit(P0, P1)).filter((r) => r.unitId === u1 || r.unitId === u2);
      expect(ours).toEqual([
        {
          unitId: u1,
          assigned: 3,
          answered: 3,
          answeredOnTime: 2,
          classA: 2,
          classB: 1,
          classC: 0,
          satisfied: 1,
          basicallySatisfied: 0,
          dissatisfied: 1,
          supervised: 1,
        },
        {
          unitId: u2,
          assigned: 2,
          answered: 1,
          answeredOnTime: 1,
          classA: 0,
          classB: 0,
          classC: 1,
          satisfied: 0,
          basicallySatisfied: 1,
          dissatisfied: 0,
          supervised: 1,
        },
      ]);
    });

    test('per unit, the 退回 it asked on 建议 submitted in the period', async () => {
      const ours = (await store.countSuggestionReturns(P0, P1)).filter((r) => r.unitId === u1 || r.unitId === u2);
      expect(ours).toEqual([
        { unitId: u1, returns: 1 },
        { unitId: u2, returns: 2 },
      ]);
    });

    test('per 主办 unit, how many first answers came how many days after 交办', async () => {
      const ours = (await store.countAnswerDays(P0, P1)).filter((r) => r.unitId === u1 || r.unitId === u2);
      expect(ours).toEqual([
        { unitId: u1, days: 10, count: 2 },
        { unitId: u1, days: 40, count: 1 },
        { unitId: u2, days: 5, count: 1 },
      ]);
    });

    test('an empty period counts nothing', async () => {
      const [from, to] = [Date.UTC(1999, 0, 1), Date.UTC(1999, 1, 1)];
      expect(await store.countSuggestionsByStatus(from, to)).toEqual({});
      expect(await store.countSuggestionsByUnit(from, to)).toEqual([]);
      expect(await store.countSuggestionReturns(from, to)).toEqual([]);
      expect(await store.countAnswerDays(from, to)).toEqual([]);
    });
  });
}
