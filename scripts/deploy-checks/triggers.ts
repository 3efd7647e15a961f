import { join } from 'node:path';
import { cronProblems } from './cron';
import { foldersIn, readJson } from './files';
import type { CheckResult } from './result';

export interface Trigger {
  name: string;
  type: string;
  config: string;
}

/** Trigger names: up to 60 characters of a-z, A-Z, 0-9, - and _, starting with a letter. */
const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

/**
 * What is wrong with one function's triggers: more than one (WeChat's config.json and CloudBase
 * take one timer per function), a name outside the rule, a type other than timer, a cron
 * CloudBase would refuse.
 */
export function triggerProblems(triggers: unknown, where: string): string[] {
  if (triggers === undefined) return [];
  if (!Array.isArray(triggers)) return [`${where}: triggers is not a list`];
  const list = triggers as Array<Partial<Trigger>>;
  return [
    ...(list.length > 1
      ? [`${where}: ${list.length} triggers (${list.map((t) => t.name).join(', ')}); a function takes one`]
      : []),
    ...list.flatMap((t) => [
      ...(typeof t.name === 'string' && TRIGGER_NAME.test(t.name)
        ? []
        : [`${where}: trigger name "${t.name}" is invalid`]),
      ...(t.type === 'timer' ? [] : [`${where}: trigger ${t.name} has type "${t.type}"; only timer exists`]),
      ...(typeof t.config === 'string' ? cronProblems(t.config).map((p) => `${where}: ${p}`) : [`${where}: no cron`]),
    ]),
  ];
}

/** The triggers a function declares, in a form two sources can be compared in. */
export function triggerKey(triggers: unknown): string {
  const list = Array.isArray(triggers) ? (triggers as Array<Partial<Trigger>>) : [];
  return JSON.stringify(list.map((t) => ({ name: t.name, type: t.type, config: t.config })));
}

/** Each built function's config.json (copied from cloudfunctions/<name>/): its triggers are valid. */
export function checkFunctionTriggers(functionsDir: string): CheckResult[] {
  return foldersIn(functionsDir).map((name) => {
    const file = join(functionsDir, name, 'config.json');
    const check = 'at most one trigger, a valid 7-field cron';
    const read = readJson(file);
    if ('error' in read) return { check, file, problems: [read.error] };
    return { check, file, problems: triggerProblems((read.value as { triggers?: unknown }).triggers, 'config.json') };
  });
}
