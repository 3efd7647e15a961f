import { getCloudbaseContext } from '@cloudbase/node-sdk';
import type { ActionTable, AnyActionSpec, OutputOf, ParsedInputOf } from '../../src/domain/actions/action-spec';
import { failure, success, type Envelope } from '../../src/domain/envelope';
import { AppError, isAppError } from '../../src/domain/errors';
import { eventSchema, parseInput } from '../../src/domain/schemas';
import { runAction } from '../adapters/action-scope';
import { identify, type ServiceContext } from '../services/context';
import { spendWriteQuota } from '../services/write-quota';
import { getRuntime, NO_DOCUMENTS, type FunctionEdges } from './runtime';

/** The use case that answers one action: it gets the parsed input and must return the declared output. */
export type ActionService<A> = (input: ParsedInputOf<A>, ctx: ServiceContext) => Promise<OutputOf<A>>;

/** One use case for every action of a table, no more and no fewer. */
export type ServicesOf<T extends Record<string, AnyActionSpec>> = { [A in keyof T]: ActionService<T[A]> };

/**
 * What CloudBase says about the call (its context's environment), or an empty record when the
 * context is not one CloudBase made: the SDK throws INVALID_CONTEXT for those, and such a
 * call is then simply anonymous and untriggered.
 */
function platformContext(context: unknown): Record<string, unknown> {
  if (!context || typeof context !== 'object') return {};
  try {
    return { ...getCloudbaseContext(context as Parameters<typeof getCloudbaseContext>[0]) };
  } catch {
    return {};
  }
}

/** The caller's OPENID as the platform gives it; nothing in the event is ever trusted for this. */
export function openidFromContext(context: unknown): string | undefined {
  const value = platformContext(context).WX_OPENID;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Make a cloud function's `main` from its action table, the use case for each action (and the
 * WeChat open APIs it calls, if any): read the caller from the context, validate the event with
 * the action's schema, count the call against the action's daily limit if it has one, run the use
 * case and answer the envelope. Errors meant for the user keep their code and Chinese message;
 * anything else is logged here and answered as INTERNAL, never with a stack or an echo of the event.
 */
export function createCloudFunction<F extends string, T extends Record<string, AnyActionSpec>>(
  table: ActionTable<F, T>,
  services: ServicesOf<T>,
  edges: FunctionEdges = {},
) {
  const { name, actions } = table;
  // One action: the reference data it reads are checked once (server/adapters/cached-store.ts).
  return (event: unknown, context: unknown): Promise<Envelope<unknown>> => runAction(() => answer(event, context));
  async function answer(event: unknown, context: unknown): Promise<Envelope<unknown>> {
    try {
      const { action: actionName } = parseInput(eventSchema, event);
      const known = Object.prototype.hasOwnProperty.call(actions, actionName);
      const definition = known ? actions[actionName] : undefined;
      const run = known ? (services as Record<string, ActionService<AnyActionSpec>>)[actionName] : undefined;
      if (!definition || !run) throw new AppError('INVALID_INPUT', `不支持的操作：${actionName.slice(0, 32)}`);
      const openid = openidFromContext(context);
      if (definition.access === 'user' && !openid) throw new AppError('UNAUTHENTICATED');
      const input = parseInput(definition.input, event);
      const runtime = await getRuntime(edges.wechat);
      // Only a well-formed call from a known caller counts; counted before the use case runs, so
      // a call over the limit writes nothing else and a burst cannot slip past it.
      if (definition.limit && openid) await spendWriteQuota(runtime, definition.limit, openid);
      const caller = identify(runtime.store, runtime.config, openid);
      return success(await run(input, { ...runtime, documents: edges.documents ?? NO_DOCUMENTS, caller }));
    } catch (error) {
      if (isAppError(error)) return failure(error.code, error.message);
      console.error(`[${name}] unexpected error`, error);
      return failure('INTERNAL', new AppError('INTERNAL').message);
    }
  }
}

/**
 * Make a timer-triggered function's `main`. It runs only when CloudBase's timer calls it
 * (TRIGGER_SRC = timer in the context); any client call — even from a logged-in user — is
 * FORBIDDEN, since every function can be invoked by any user of the mini program.
 */
export function createTimerFunction(
  name: string,
  run: (runtime: Awaited<ReturnType<typeof getRuntime>>, trigger: string) => Promise<unknown>,
  edges: FunctionEdges = {},
) {
  return async function main(event: unknown, context: unknown): Promise<Envelope<unknown>> {
    try {
      const source = platformContext(context).TRIGGER_SRC;
      if (source !== 'timer') throw new AppError('FORBIDDEN', '该功能仅由系统定时执行');
      const trigger =
        event && typeof event === 'object' && typeof (event as { TriggerName?: unknown }).TriggerName === 'string'
          ? (event as { TriggerName: string }).TriggerName
          : '';
      const runtime = await getRuntime(edges.wechat);
      return success(await runAction(() => run(runtime, trigger)));
    } catch (error) {
      if (isAppError(error)) return failure(error.code, error.message);
      console.error(`[${name}] unexpected error`, error);
      return failure('INTERNAL', new AppError('INTERNAL').message);
    }
  };
}
