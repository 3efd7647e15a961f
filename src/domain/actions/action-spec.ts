import type { z } from 'zod';
import type { LimitedAction } from '../write-limits';

/**
 * The type an action answers with, carried by the table but never present at run time: the
 * function that runs the action must return it, and the app's client reads it from there.
 */
export interface Returns<T> {
  readonly __returns?: T;
}

/** Declare what an action answers: `output: returns<OpinionView>()`. */
export function returns<T>(): Returns<T> {
  return {};
}

interface ActionSpecBase<S extends z.ZodTypeAny, O> {
  /** What the caller may send; unknown fields are dropped, a bad one is INVALID_INPUT. */
  input: S;
  output: Returns<O>;
}

/**
 * One action of a cloud function. 'public' actions answer callers without an OPENID (station
 * information); 'user' ones refuse them. An action that writes names its own entry of
 * `WRITE_LIMITS` as `limit` (only 'user' actions can: the count is per OPENID).
 */
export type ActionSpec<S extends z.ZodTypeAny = z.ZodTypeAny, O = unknown> = ActionSpecBase<S, O> &
  ({ access: 'public'; limit?: never } | { access: 'user'; limit?: LimitedAction });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each action has its own schema and output
export type AnyActionSpec = ActionSpec<any, any>;

/** A cloud function's name and its actions: what both the function and the app's client are built from. */
export interface ActionTable<
  F extends string = string,
  T extends Record<string, AnyActionSpec> = Record<string, AnyActionSpec>,
> {
  readonly name: F;
  readonly actions: T;
}

/** What an action's table entry says it answers. */
export type OutputOf<A> = A extends { output: Returns<infer O> } ? O : never;

/**
 * What the caller sends for an action: the schema's input type (before trims and transforms); an
 * action without fields takes only `{}`.
 */
export type InputOf<A> = A extends { input: infer S extends z.ZodTypeAny }
  ? keyof z.input<S> extends never
    ? Record<string, never>
    : z.input<S>
  : never;

/** What the function's use case receives for an action: the schema's parsed output. */
export type ParsedInputOf<A> = A extends { input: infer S extends z.ZodTypeAny } ? z.output<S> : never;

/**
 * Name a function's actions. An action's `limit`, when it has one, can only be its own
 * `<function>.<action>` entry of WRITE_LIMITS, so a limit cannot be counted under another name.
 */
export function defineActions<F extends string, T extends Record<string, AnyActionSpec>>(
  name: F,
  actions: T & { [A in keyof T]: { limit?: Extract<`${F}.${A & string}`, LimitedAction> } },
): ActionTable<F, T> {
  return { name, actions };
}

/** `'fn.action'` → what the caller sends and what it gets back, for one function. */
export type ContractOf<Table> =
  Table extends ActionTable<infer F, infer T>
    ? { [A in keyof T & string as `${F}.${A}`]: { input: InputOf<T[A]>; output: OutputOf<T[A]> } }
    : never;

/** What the use case of `table`'s action `A` receives: the action's schema, parsed. */
export type ActionInput<Table, A extends string> =
  Table extends ActionTable<string, infer T> ? (A extends keyof T ? ParsedInputOf<T[A]> : never) : never;
