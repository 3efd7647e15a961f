import { type Activity, activityCounts, type DeputyGroup } from '../../../src/domain/activity';
import type { ActivityStore } from '../../ports/activity-store';
import { decodeDateCursor, encodeDateCursor } from '../cursor';
import { createCloudbaseActivityFigures } from './cloudbase-activity-figures';
import { getDocument, PAGE, putWithAudit, readAll, RolledBack, strip, txDocument, writeAudit } from './documents';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's query builder is untyped */
type Db = any;
type Tx = any;

/** What an activity document carries beside the activity's own fields, for the queries and aggregates. */
interface ActivityFacts {
  /** activityCounts: recorded, or a deputy's visit staff confirmed. */
  counts: boolean;
  /** Every invited deputy, matched element by element (listActivities({ deputyId })). */
  attendeeIds: string[];
}

const STORED_FACTS: Record<keyof ActivityFacts, true> = { counts: true, attendeeIds: true };
// Typed so that it compiles only while no fact is named like a field of the activity: such a
// field would be taken out of the activity when read back.
const FACT_FIELDS: ReadonlyArray<Exclude<keyof ActivityFacts, keyof Activity>> = Object.keys(STORED_FACTS) as Array<
  keyof ActivityFacts
>;

/**
 * An activity as stored: the activity (its `attendees` array is what the counts by deputy
 * `$unwind`) with its facts as top-level fields.
 */
export function activityDocument(a: Activity): Record<string, unknown> {
  const facts: ActivityFacts = { counts: activityCounts(a), attendeeIds: a.attendees.map((x) => x.deputyId) };
  return { ...a, ...facts };
}

/** The activity a stored document holds, without CloudBase's fields and its facts. */
export function activityFromDoc(doc: Record<string, unknown>): Activity {
  const rest = strip<Record<string, unknown>>(doc);
  for (const field of FACT_FIELDS) delete rest[field];
  return rest as unknown as Activity;
}

const byOrder = (a: DeputyGroup, b: DeputyGroup) => a.sortOrder - b.sortOrder || (a.id < b.id ? -1 : 1);

/**
 * 人大小组 and 履职活动 on CloudBase. A group is one document of `deputy_groups`, an activity
 * one document of `activities` (_id = its id) carrying its facts. A change runs in one
 * transaction: the document read and its version compared, then written with its audit line —
 * a callback CloudBase runs again writes the same documents.
 */
export function createCloudbaseActivityStore(db: Db): ActivityStore {
  const _ = db.command;
  const activities = () => db.collection('activities');

  return {
    listGroups: async () => (await readAll<DeputyGroup>(db, 'deputy_groups')).sort(byOrder),
    putGroup: (group, audit) => putWithAudit(db, 'deputy_groups', group.id, group, audit),
    getActivity: async (activityId) => {
      const doc = await getDocument<Record<string, unknown>>(activities(), activityId);
      return doc ? activityFromDoc(doc) : null;
    },
    createActivity: async (activity, audit) => {
      await db.runTransaction(async (tx: Tx) => {
        if (txDocument(await tx.collection('activities').doc(activity.id).get())) {
          throw new Error(`activity ${activity.id} exists already`);
        }
        await tx.collection('activities').doc(activity.id).set(activityDocument(activity));
        await writeAudit(tx, audit);
      });
    },
    updateActivity: async (next, expectedVersion, audit) => {
      try {
        await db.runTransaction(async (tx: Tx) => {
          const current = txDocument<Activity>(await tx.collection('activities').doc(next.id).get());
          if (!current || current.version !== expectedVersion) throw new RolledBack();
          await tx.collection('activities').doc(next.id).set(activityDocument(next));
          await writeAudit(tx, audit);
        });
        return true;
      } catch (error) {
        if (error instanceof RolledBack) return false;
        throw error;
      }
    },
    listActivities: async (query) => {
      const where: Record<string, unknown> = {};
      if (query.fromDate !== undefined && query.toDate !== undefined) {
        where.date = _.gte(query.fromDate).and(_.lte(query.toDate));
      } else if (query.fromDate !== undefined) {
        where.date = _.gte(query.fromDate);
      } else if (query.toDate !== undefined) {
        where.date = _.lte(query.toDate);
      }
      if (query.kind !== undefined) where.kind = query.kind;
      if (query.groupId !== undefined) where.groupId = query.groupId;
      if (query.stationId !== undefined) where.stationId = query.stationId;
      if (query.deputyId !== undefined) where.attendeeIds = query.deputyId;
      if (query.statuses) {
        if (query.statuses.length === 0) return { items: [] };
        where.status = _.in([...query.statuses]);
      }
      const conditions: unknown[] = [where];
      const after = query.cursor ? decodeDateCursor(query.cursor) : null;
      if (after) conditions.push(_.or([{ date: _.lt(after.date) }, { date: after.date, _id: _.lt(after.id) }]));
      const res = await activities()
        .where(_.and(conditions))
        .orderBy('date', 'desc')
        .orderBy('_id', 'desc')
        .limit(Math.min(query.limit + 1, PAGE))
        .get();
      const rows = ((res.data ?? []) as Array<Record<string, unknown>>).map(activityFromDoc);
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      return rows.length > query.limit && last ? { items, cursor: encodeDateCursor(last) } : { items };
    },
    ...createCloudbaseActivityFigures(db),
  };
}
