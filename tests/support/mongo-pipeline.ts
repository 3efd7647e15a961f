// Just enough of MongoDB's aggregation semantics (which CloudBase's database follows) to run,
// on documents in memory, the stages the CloudBase SDK serialises: $match (equality, $gte,
// $gt, $lt, $lte, $ne, $in, $nin, $and, $or), $group with $sum, $limit, and the expressions
// $cond, $and, $or, $eq, $ne, $lt, $lte, $gt, $gte, $in, $ifNull. Anything else throws, so a
// pipeline that uses more fails the test instead of passing by accident.

type Doc = Record<string, unknown>;

/** Canonical EJSON numbers ({ $numberInt: '1' } …) back to numbers. */
export function fromEjson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromEjson);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Doc);
    const [first] = entries;
    if (entries.length === 1 && first && ['$numberInt', '$numberLong', '$numberDouble'].includes(first[0])) {
      return Number(first[1]);
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, fromEjson(v)]));
  }
  return value;
}

const get = (doc: Doc, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Doc)[key] : undefined), doc);

// BSON comparison order: missing/null < numbers < strings < objects.
const rank = (v: unknown) =>
  v === undefined || v === null ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 3;
function compare(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return 0;
  return (a as number | string) < (b as number | string) ? -1 : (a as number | string) > (b as number | string) ? 1 : 0;
}
const same = (a: unknown, b: unknown) => compare(a ?? null, b ?? null) === 0;

function evaluate(expr: unknown, doc: Doc): unknown {
  if (typeof expr === 'string') return expr.startsWith('$') ? get(doc, expr.slice(1)) : expr;
  if (Array.isArray(expr)) return expr.map((e) => evaluate(e, doc));
  if (!expr || typeof expr !== 'object') return expr;
  const [op, raw] = Object.entries(expr as Doc)[0] ?? [];
  const args = () => (raw as unknown[]).map((a) => evaluate(a, doc));
  switch (op) {
    case '$cond': {
      const c = Array.isArray(raw) ? { if: raw[0], then: raw[1], else: raw[2] } : (raw as Doc);
      return evaluate(c.if, doc) ? evaluate(c.then, doc) : evaluate(c.else, doc);
    }
    case '$and':
      return args().every(Boolean);
    case '$or':
      return args().some(Boolean);
    case '$ifNull': {
      const [value, fallback] = args();
      return value === undefined || value === null ? fallback : value;
    }
    case '$in': {
      const [value, list] = args();
      return (list as unknown[]).some((x) => same(x, value));
    }
    case '$eq':
    case '$ne':
    case '$lt':
    case '$lte':
    case '$gt':
    case '$gte': {
      const [a, b] = args();
      return test(op, compare(a, b));
    }
    default:
      throw new Error(`expression ${String(op)} is not supported by this evaluator`);
  }
}

function test(op: string, c: number): boolean {
  return { $eq: c === 0, $ne: c !== 0, $lt: c < 0, $lte: c <= 0, $gt: c > 0, $gte: c >= 0 }[op] ?? false;
}

function matches(doc: Doc, query: Doc): boolean {
  return Object.entries(query).every(([key, condition]) => {
    if (key === '$and') return (condition as Doc[]).every((q) => matches(doc, q));
    if (key === '$or') return (condition as Doc[]).some((q) => matches(doc, q));
    const value = get(doc, key);
    const isOperators =
      condition && typeof condition === 'object' && Object.keys(condition).every((k) => k.startsWith('$'));
    if (!isOperators) return same(value, condition);
    return Object.entries(condition as Doc).every(([op, arg]) => {
      if (op === '$in') return (arg as unknown[]).some((x) => same(x, value));
      if (op === '$nin') return !(arg as unknown[]).some((x) => same(x, value));
      if (op === '$ne') return !same(value, arg);
      // Range operators match only values of the same kind (a missing field is never >= 0).
      if (rank(value) !== rank(arg)) return false;
      if (['$lt', '$lte', '$gt', '$gte', '$eq'].includes(op)) return test(op, compare(value, arg));
      throw new Error(`query operator ${op} is not supported by this evaluator`);
    });
  });
}

function group(docs: Doc[], spec: Doc): Doc[] {
  const groups = new Map<string, Doc>();
  for (const doc of docs) {
    const id = evaluate(spec._id, doc) ?? null;
    const k = JSON.stringify(id);
    const out = groups.get(k) ?? { _id: id };
    for (const [field, accumulator] of Object.entries(spec)) {
      if (field === '_id') continue;
      const [op, arg] = Object.entries(accumulator as Doc)[0] ?? [];
      if (op !== '$sum') throw new Error(`accumulator ${String(op)} is not supported by this evaluator`);
      const v = evaluate(arg, doc);
      out[field] = ((out[field] as number | undefined) ?? 0) + (typeof v === 'number' ? v : 0);
    }
    groups.set(k, out);
  }
  return [...groups.values()];
}

/** Run serialised stages ({ stageKey, stageValue }) over documents. */
export function runPipeline(docs: Doc[], stages: ReadonlyArray<{ stageKey: string; stageValue: string }>): Doc[] {
  let out = docs;
  for (const { stageKey, stageValue } of stages) {
    const arg = fromEjson(JSON.parse(stageValue));
    if (stageKey === '$match') out = out.filter((d) => matches(d, arg as Doc));
    else if (stageKey === '$group') out = group(out, arg as Doc);
    else if (stageKey === '$limit') out = out.slice(0, arg as number);
    else throw new Error(`stage ${stageKey} is not supported by this evaluator`);
  }
  return out;
}

/**
 * A stand-in for the SDK's request class: aggregate calls run on `collections` in memory and
 * are recorded; any other call fails. Install it as the Db class's reqClass after app.database().
 */
export function inMemoryRequester(collections: Record<string, Doc[]>, calls: string[]) {
  return class InMemoryRequester {
    async send(
      action: string,
      params: { collectionName: string; stages: Array<{ stageKey: string; stageValue: string }> },
    ) {
      calls.push(action);
      if (action !== 'database.aggregateDocuments') throw new Error(`${action} is not available in this test`);
      const result = runPipeline(collections[params.collectionName] ?? [], params.stages);
      return { requestId: 'in-memory', data: { list: result.map((d) => JSON.stringify(d)) } };
    }
  };
}
