import type { ContractOf } from './action-spec';
import { accountActions } from './account';
import { activitiesActions } from './activities';
import { caseworkActions } from './casework';
import { evaluationsActions } from './evaluations';
import { opinionsActions } from './opinions';
import { reportsActions } from './reports';
import { stationsActions } from './stations';
import { suggestionsActions } from './suggestions';

/**
 * Every cloud function that answers actions, with its table: the function binds its use cases to
 * it, the app's client takes its types from it, the tests take the list of actions from it.
 * (`scheduler` and `mediacheck` answer only the timer and WeChat's push: they have no table.)
 */
export const ACTION_TABLES = [
  stationsActions,
  accountActions,
  opinionsActions,
  caseworkActions,
  reportsActions,
  evaluationsActions,
  suggestionsActions,
  activitiesActions,
] as const;

type Tables = (typeof ACTION_TABLES)[number];

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every action as `'function.action'` → { input: what the caller sends, output: what it gets back }. */
export type ActionContract = UnionToIntersection<ContractOf<Tables>>;

/** `'function.action'`, for every action of every table. */
export type ActionName = keyof ActionContract;

/** The names of every action, as `'function.action'`. */
export function actionNames(): ActionName[] {
  return ACTION_TABLES.flatMap((table) =>
    Object.keys(table.actions).map((action) => `${table.name}.${action}`),
  ) as ActionName[];
}
