import { EJSON } from 'bson';
import { Aggregator } from 'mingo';
import { copy, type Doc, encodeQuery, MemoryCloudbaseError, roundTrip } from './commands';
import type { MemoryDatabase } from './database';

// Aggregations, two ways in: the builder (`collection(name).aggregate().match(…)….end()`) that
// the stand-in's own collections hand out, and the request the real SDK serialises
// (`database.aggregateDocuments` with EJSON stages), for tests that run @cloudbase/node-sdk's
// own pipeline builder and serialiser. Either way the stages run in mingo, under the server's
// rule that an aggregation without a `$limit` stage returns at most 20 results (what cloud
// functions observe; CloudBase's reference does not state it), and count as one read.

const AGGREGATE_DEFAULT_LIMIT = 20;

/** Run `stages` on a collection as CloudBase would, counting one read. */
function runAggregation(db: MemoryDatabase, name: string, stages: readonly Doc[]): Doc[] {
  const limited = stages.some((s) => '$limit' in s);
  const pipeline = limited ? [...stages] : [...stages, { $limit: AGGREGATE_DEFAULT_LIMIT }];
  const data = new Aggregator(pipeline, {}).run(db.docs(name)).map(copy);
  db.count('reads', name, data.length);
  return data;
}

export class MemoryAggregate {
  private readonly stages: Doc[] = [];

  constructor(
    private readonly db: MemoryDatabase,
    private readonly name: string,
  ) {}

  private pipe(stage: string, param: unknown): this {
    this.stages.push({ [`$${stage}`]: param });
    return this;
  }

  match(query: unknown) {
    return this.pipe('match', encodeQuery(query));
  }
  group(spec: Doc) {
    return this.pipe('group', spec);
  }
  project(spec: Doc) {
    return this.pipe('project', spec);
  }
  addFields(spec: Doc) {
    return this.pipe('addFields', spec);
  }
  sort(spec: Doc) {
    return this.pipe('sort', spec);
  }
  skip(n: number) {
    return this.pipe('skip', n);
  }
  limit(n: number) {
    return this.pipe('limit', n);
  }
  count(field: string) {
    return this.pipe('count', field);
  }
  unwind(spec: unknown) {
    return this.pipe('unwind', spec);
  }
  replaceRoot(spec: Doc) {
    return this.pipe('replaceRoot', spec);
  }
  sortByCount(spec: unknown) {
    return this.pipe('sortByCount', spec);
  }

  async end(): Promise<{ data: Doc[] }> {
    await roundTrip();
    return { data: runAggregation(this.db, this.name, this.stages) };
  }
}

/** A serialised stage as the SDK sends it: `$match` and its argument as canonical EJSON text. */
interface SerialisedStage {
  stageKey: string;
  stageValue: string;
}

/**
 * A request class for the real SDK (`Db.reqClass` of @cloudbase/database) that answers
 * `database.aggregateDocuments` from `db`: the stages are decoded from EJSON and run in mingo,
 * the results encoded back as the server does. Any other request fails, so a test finds out
 * when code it thought aggregated fetched documents instead; `calls` lists every request.
 */
export function aggregateRequester(db: MemoryDatabase, calls: string[] = []) {
  return class MemoryAggregateRequester {
    async send(action: string, params: { collectionName: string; stages: SerialisedStage[] }) {
      calls.push(action);
      if (action !== 'database.aggregateDocuments') {
        throw new MemoryCloudbaseError('INVALID_PARAM', `${action} is not stood in by the aggregate requester`);
      }
      await roundTrip();
      const stages = params.stages.map(({ stageKey, stageValue }) => ({
        [stageKey]: EJSON.parse(stageValue) as unknown,
      }));
      const data = runAggregation(db, params.collectionName, stages);
      return { requestId: 'memory', data: { list: data.map((d) => EJSON.stringify(d, { relaxed: false })) } };
    }
  };
}
