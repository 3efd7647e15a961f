import type { ActionContract, ActionName } from '../domain/actions';

/**
 * Every call the app can make: `function.action` → its input (what the action's zod schema
 * accepts) and its data (what its table declares), derived from src/domain/actions — change a
 * schema and the pages' calls are checked against the new one (docs/API.md).
 */
export type ApiContract = ActionContract;

export type ApiName = ActionName;
