import { addDays, mondayOf, shanghaiDate, type Clock, type LocalDate } from '../../src/domain/dates';
import type { Store } from '../ports/store';
import { outboxMessage } from './opinion-change';
import { stationSubject } from '../ports/opinion-store';

/**
 * The weekly overdue digest: every Monday, each station's staff get how many of the
 * station's open opinions are past their reply date — once per station, staff member and
 * week, however many scheduler runs overlap. `week` is the Monday naming the digest (this
 * week's unless the scheduler says which week's slot it is running).
 */
export async function sendOverdueDigest(store: Store, clock: Clock, week?: LocalDate) {
  const now = clock.now();
  const today = shanghaiDate(now);
  // The Monday names the digest, so a rerun later in the week adds nothing.
  const monday = week ?? mondayOf(today);
  let queued = 0;
  for (const station of await store.listStations()) {
    let overdue = 0;
    let cursor: string | undefined;
    do {
      const page = await store.listOpinions({
        stationId: station.id,
        statuses: ['assigned', 'transferred'],
        dueOnOrBefore: addDays(today, -1),
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      overdue += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    if (overdue === 0) continue;
    const staff = await store.listStaffAccounts(station.id);
    queued += await store.enqueueOnce(
      staff.map((account) => ({
        ...outboxMessage(stationSubject(station.id), now, 'overdue_digest', account.openid, {
          station: station.name,
          overdue: String(overdue),
          week: monday,
        }),
        dedupeKey: `digest:${station.id}:${monday}:${account.openid}`,
      })),
    );
  }
  return { queued };
}
