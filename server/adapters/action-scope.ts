import { AsyncLocalStorage } from 'node:async_hooks';

/** What one action keeps for its duration: a value per owner (a store), made on first use. */
type ActionScope = Map<object, unknown>;

const actions = new AsyncLocalStorage<ActionScope>();

/**
 * Run one action (a cloud function's call, a scheduler run). Within it, an adapter may keep what
 * it has read for the rest of the same action (`actionScoped`): the reference data's version
 * tokens, an opinion's timeline read with it. Nothing kept outlives the action, so no later
 * action is answered from it.
 */
export function runAction<T>(action: () => Promise<T>): Promise<T> {
  return actions.run(new Map(), action);
}

/**
 * The value `owner` keeps for the current action, made by `make` on its first use in it, or
 * undefined outside any action (the caller then reads through).
 */
export function actionScoped<V>(owner: object, make: () => V): V | undefined {
  const scope = actions.getStore();
  if (!scope) return undefined;
  if (!scope.has(owner)) scope.set(owner, make());
  return scope.get(owner) as V;
}

/** Whether an action is running (runAction) in this call's context. */
export function inAction(): boolean {
  return actions.getStore() !== undefined;
}

/** Forget what `owner` keeps for the current action: it reads again on its next use. */
export function forgetInAction(owner: object): void {
  actions.getStore()?.delete(owner);
}
