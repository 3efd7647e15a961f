import { randomBytes } from 'node:crypto';

// The SDK's `db.command` builders and what its QuerySerializer makes of them: MongoDB queries
// and $set updates that mingo runs. Shared by queries, aggregations and transactions.

export type Doc = Record<string, unknown>;

/** An error as the SDK throws it: a message and CloudBase's code. */
export class MemoryCloudbaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const LOGIC = new Set(['and', 'or', 'nor']);
const COMPARISON: Record<string, string> = {
  eq: '$eq',
  neq: '$ne',
  gt: '$gt',
  gte: '$gte',
  lt: '$lt',
  lte: '$lte',
  in: '$in',
  nin: '$nin',
  exists: '$exists',
};

class Command {
  constructor(
    readonly operator: string,
    readonly operands: readonly unknown[],
  ) {}
  and(...others: unknown[]): Command {
    return new Command('and', [this, ...(others.length === 1 && Array.isArray(others[0]) ? others[0] : others)]);
  }
  or(...others: unknown[]): Command {
    return new Command('or', [this, ...(others.length === 1 && Array.isArray(others[0]) ? others[0] : others)]);
  }
}

const logic =
  (operator: string) =>
  (...args: unknown[]) =>
    new Command(operator, args.length === 1 && Array.isArray(args[0]) ? args[0] : args);

const aggregateOperators = new Proxy({} as Record<string, (param: unknown) => Doc>, {
  get: (_target, name) =>
    typeof name === 'string' ? (param: unknown) => ({ [`$${name === 'neq' ? 'ne' : name}`]: param }) : undefined,
});

const compare = (operator: string) => (value: unknown) => new Command(operator, [value]);

/**
 * An update command of `update()` data: `inc(n)` adds n to the field (creating it at n);
 * `push(values)` appends values to an array field (creating it).
 */
class UpdateCommand {
  constructor(
    readonly operator: 'inc' | 'push',
    readonly operand: number | unknown[],
  ) {}
}

/** `db.command`: field comparisons, logic, and `aggregate.<op>(x)` → `{ $op: x }`. */
export const command = {
  eq: compare('eq'),
  neq: compare('neq'),
  gt: compare('gt'),
  gte: compare('gte'),
  lt: compare('lt'),
  lte: compare('lte'),
  in: compare('in'),
  nin: compare('nin'),
  exists: compare('exists'),
  and: logic('and'),
  or: logic('or'),
  nor: logic('nor'),
  not: (value: unknown) => new Command('not', [value]),
  inc: (value: number) => {
    if (typeof value !== 'number') throw new MemoryCloudbaseError('INVALID_PARAM', 'inc takes a number');
    return new UpdateCommand('inc', value);
  },
  // As the SDK: an array is the values; otherwise each argument is one.
  push: (...args: unknown[]) => new UpdateCommand('push', copy(Array.isArray(args[0]) ? args[0] : args)),
  aggregate: aggregateOperators,
};

export const isPlainObject = (v: unknown): v is Doc =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

function encodeField(path: string, value: Command): Doc {
  if (LOGIC.has(value.operator)) {
    return {
      [`$${value.operator}`]: value.operands.map((o) => (o instanceof Command ? encodeField(path, o) : { [path]: o })),
    };
  }
  if (value.operator === 'not') {
    const inner = value.operands[0];
    if (!(inner instanceof Command)) throw new MemoryCloudbaseError('INVALID_PARAM', 'not() takes a command');
    return { [path]: { $not: encodeField(path, inner)[path] } };
  }
  const op = COMPARISON[value.operator];
  if (!op) throw new MemoryCloudbaseError('INVALID_PARAM', `the stand-in has no command "${value.operator}"`);
  return { [path]: { [op]: value.operands[0] } };
}

/** A where() or match() argument as a MongoDB query; nested plain objects become dot paths. */
export function encodeQuery(query: unknown): Doc {
  if (query instanceof Command) {
    if (!LOGIC.has(query.operator)) throw new MemoryCloudbaseError('INVALID_PARAM', 'a field command needs a field');
    return { [`$${query.operator}`]: query.operands.map(encodeQuery) };
  }
  if (!isPlainObject(query)) throw new MemoryCloudbaseError('INVALID_PARAM', 'query must be an object');
  const clauses: Doc[] = [];
  const walk = (object: Doc, prefix: string) => {
    for (const [key, value] of Object.entries(object)) {
      if (value === undefined) continue;
      const path = prefix + key;
      if (value instanceof Command) clauses.push(encodeField(path, value));
      else if (isPlainObject(value)) walk(value, `${path}.`);
      else clauses.push({ [path]: value });
    }
  };
  walk(query, '');
  return clauses.length === 0 ? {} : clauses.length === 1 ? clauses[0]! : { $and: clauses };
}

/**
 * update() data as a $set of dot paths (the SDK merges nested objects the same way), an $inc for
 * each `command.inc(n)` (the server adds n to the stored number in one step) and a $push with
 * $each for each `command.push(values)`, as the SDK's update serializer sends them.
 */
export function encodeUpdate(data: unknown): Doc {
  if (!isPlainObject(data)) throw new MemoryCloudbaseError('INVALID_PARAM', '参数必需是非空对象');
  if ('_id' in data) throw new MemoryCloudbaseError('INVALID_PARAM', '不能更新_id的值');
  const set: Doc = {};
  const inc: Doc = {};
  const push: Doc = {};
  const walk = (object: Doc, prefix: string) => {
    for (const [key, value] of Object.entries(object)) {
      if (value === undefined) continue;
      if (value instanceof UpdateCommand && value.operator === 'push') push[prefix + key] = { $each: value.operand };
      else if (value instanceof UpdateCommand) inc[prefix + key] = value.operand;
      else if (value instanceof Command)
        throw new MemoryCloudbaseError('INVALID_PARAM', 'a query command in update data');
      else if (isPlainObject(value) && Object.keys(value).length > 0) walk(value, `${prefix}${key}.`);
      else set[prefix + key] = copy(value);
    }
  };
  walk(data, '');
  return {
    $set: set,
    ...(Object.keys(inc).length > 0 ? { $inc: inc } : {}),
    ...(Object.keys(push).length > 0 ? { $push: push } : {}),
  };
}

/** set() or add() data: a plain object without `_id` or an update command in it, copied. */
export function checkSetData(data: unknown): Doc {
  if (!isPlainObject(data)) throw new MemoryCloudbaseError('INVALID_PARAM', '参数必需是非空对象');
  if ('_id' in data) throw new MemoryCloudbaseError('INVALID_PARAM', '不能更新_id的值');
  // The SDK refuses these before sending: set() replaces a document, it cannot add to one.
  if (Object.values(data).some((v) => v instanceof UpdateCommand)) {
    throw new MemoryCloudbaseError('DATABASE_REQUEST_FAILED', 'update operator complicit');
  }
  return copy(data);
}

/** A deep copy without undefined fields, as the SDK's EJSON round trip leaves a document. */
export function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : copy(v))) as T;
  if (isPlainObject(value)) {
    const out: Doc = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = copy(v);
    return out as T;
  }
  return value;
}

/** Let other pending requests run first, as a round trip to the server would. */
export const roundTrip = () => new Promise<void>((done) => setImmediate(done));

/** A new document id, as CloudBase makes one when `add` is given none. */
export const newId = () => randomBytes(16).toString('hex');
