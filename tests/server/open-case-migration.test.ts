import { createCloudbaseStore } from '../../server/adapters/cloudbase/cloudbase-store';
import { COLLECTION_NAMES } from '../../server/adapters/cloudbase/collections';
import { runDocumentMigrations } from '../../server/adapters/cloudbase/document-migrations';
import { replyToOpinion, transferOpinion } from '../../server/services/casework';
import { submitOpinion } from '../../server/services/submit-opinion';
import { addDays, shanghaiDate } from '../../src/domain/dates';
import type { Opinion } from '../../src/domain/opinion';
import { aStreet, deputyOpenid, EAST, type Street } from '../support/builders';
import { createMemoryDatabase, memoryCloudbaseApp, type MemoryDatabase } from '../support/memory-cloudbase';

// On CloudBase a deputy's open cases are kept on the figure counters (`open`), moved in the same
// `inc` as the opinion's figures. A release before kept them in open_case_counters: its opinions
// are marked counted (true) with their open case elsewhere. Document migration 6 puts each such
// open case on its counter once, whatever changes meanwhile; until it has, no change of such an
// opinion takes away an open case its counter never held.

const TEXT = '东门路口的红绿灯时间太短，老人过马路来不及，希望延长绿灯时间。';
const MONTH = '2026-03';

/** A street with `n` open opinions at East, then stored as the release before left them. */
async function olderRelease(n: number): Promise<{ db: MemoryDatabase; street: Street; ids: string[] }> {
  const db = createMemoryDatabase({ collections: COLLECTION_NAMES });
  const street = await aStreet({ dailySubmitLimit: 1000 }, createCloudbaseStore(memoryCloudbaseApp(db)));
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const { opinionId } = await submitOpinion(
      {
        stationId: EAST.id,
        category: i % 2 ? 'transport' : 'housing',
        content: `${TEXT}（${i}）`,
        requestId: `r-${i}`,
      },
      await street.as(`voter-${i}`),
    );
    ids.push(opinionId);
  }
  db.load(
    'opinions',
    db.dump('opinions').map((d) => ({ ...d, counted: true })),
  );
  db.load(
    'figure_counters',
    db.dump('figure_counters').map(({ open: _open, ...d }) => d),
  );
  return { db, street, ids };
}

async function openOpinions(street: Street): Promise<Map<string, number>> {
  const open = new Map<string, number>();
  for (const o of (await street.store.listOpinions({ limit: 1000 })).items as Opinion[]) {
    if (o.stationId === EAST.id && (o.status === 'assigned' || o.status === 'transferred') && o.assignedDeputyId)
      open.set(o.assignedDeputyId, (open.get(o.assignedDeputyId) ?? 0) + 1);
  }
  return new Map([...open].sort());
}

const routing = async (street: Street) => new Map([...(await street.store.countOpenByDeputy(EAST.id))].sort());

test('the migration puts every open case of the release before on its counter, once', async () => {
  const { db, street } = await olderRelease(6);
  expect(await routing(street)).toEqual(new Map());
  // The month agrees already: an opinion whose open case is elsewhere counts for its figures only.
  expect(await street.store.recountCounters(MONTH, false)).toMatchObject({ differences: [] });

  expect(await runDocumentMigrations(db)).toMatchObject({ done: true, changed: 6 });
  expect(await routing(street)).toEqual(await openOpinions(street));
  expect(await street.store.recountCounters(MONTH, false)).toMatchObject({ differences: [] });

  // Run again: nothing is pending, nothing is counted twice.
  expect(await runDocumentMigrations(db)).toMatchObject({ done: true, changed: 0 });
  expect(await routing(street)).toEqual(await openOpinions(street));
});

test('a change of an opinion of the release before, ahead of the migration, takes away no open case', async () => {
  const { db, street, ids } = await olderRelease(4);
  const [first, second] = await Promise.all(ids.slice(0, 2).map((id) => street.store.getOpinion(id)));
  await replyToOpinion(
    { opinionId: first!.id, content: '已联系有关部门处理。' },
    await street.as(deputyOpenid(first!.assignedDeputyId!)!),
  );
  await transferOpinion(
    { opinionId: second!.id, unit: '县交通运输局', expectedDate: addDays(shanghaiDate(street.now), 20) },
    await street.as(deputyOpenid(second!.assignedDeputyId!)!),
  );
  // The transferred one is open again, now on its counter; the replied one is closed for routing.
  expect([...(await routing(street)).values()].every((n) => n > 0)).toBe(true);
  expect(db.dump('figure_counters').every((d) => Number(d.open ?? 0) >= 0)).toBe(true);

  expect(await runDocumentMigrations(db)).toMatchObject({ done: true, changed: 2 });
  expect(await routing(street)).toEqual(await openOpinions(street));
  expect(await street.store.recountCounters(MONTH, false)).toMatchObject({ differences: [] });
});

test('changes racing the migration are counted once', async () => {
  const { db, street, ids } = await olderRelease(8);
  const opinions = await Promise.all(ids.map((id) => street.store.getOpinion(id)));
  await Promise.all([
    runDocumentMigrations(db, { pageSize: 3 }),
    ...opinions
      .filter((_, i) => i % 2 === 0)
      .map(async (o) =>
        replyToOpinion(
          { opinionId: o!.id, content: '已联系有关部门处理。' },
          await street.as(deputyOpenid(o!.assignedDeputyId!)!),
        ),
      ),
  ]);
  await runDocumentMigrations(db);
  expect(await routing(street)).toEqual(await openOpinions(street));
  expect(await street.store.recountCounters(MONTH, false)).toMatchObject({ differences: [] });
});
