import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { foldersIn, readJson } from './files';
import { shown, type CheckResult } from './result';
import { triggerKey, triggerProblems } from './triggers';

/**
 * cloudbaserc.json as the CloudBase CLI reads it (version 2.1 of its format). The CLI's own
 * parser (@cloudbase/toolbox ConfigParser) is not a dependency of this project, so this schema
 * states what this project relies on; keys outside it are refused, since a misspelt key is
 * ignored by the CLI without a word.
 */
const trigger = z.object({ name: z.string(), type: z.string(), config: z.string() }).strict();
const cloudFunction = z
  .object({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/),
    timeout: z.number().int().min(1).max(900).optional(),
    runtime: z
      .string()
      .regex(/^Nodejs\d+\.\d+$/)
      .optional(),
    installDependency: z.boolean().optional(),
    handler: z
      .string()
      .regex(/^[\w.-]+\.\w+$/)
      .optional(),
    memorySize: z.number().int().optional(),
    envVariables: z.record(z.string()).optional(),
    triggers: z.array(trigger).optional(),
    ignore: z.union([z.string(), z.array(z.string())]).optional(),
    params: z.record(z.unknown()).optional(),
  })
  .strict();
export const cloudbasercSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal('2.1'),
    envId: z.string().min(1),
    region: z.string().optional(),
    functionRoot: z.string().min(1),
    functions: z.array(cloudFunction).min(1),
  })
  .strict();

/** The variable names a .env file defines (`NAME=value` lines; comments and blanks skipped). */
export function envFileNames(text: string): Set<string> {
  return new Set(
    text
      .split(/\r?\n/)
      .map((line) => /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)?.[1])
      .filter((name): name is string => Boolean(name)),
  );
}

export interface CloudbasercPaths {
  cloudbaserc: string;
  envExample: string;
  /** The built functions, whose config.json triggers must be the same as cloudbaserc.json's. */
  functionsDir: string;
}

/**
 * cloudbaserc.json, which `tcb fn deploy` reads: the 2.1 format, valid for the schema above;
 * every `{{env.X}}` it fills in is listed in .env.example; its functionRoot is the built
 * functions' folder and it lists exactly the functions built there; each function has at most
 * one trigger with a valid cron, and the same triggers as that function's config.json.
 */
export function checkCloudbaserc({ cloudbaserc, envExample, functionsDir }: CloudbasercPaths): CheckResult {
  const check = 'deploy config: schema, env, functions, triggers';
  const file = cloudbaserc;
  const read = readJson(file);
  if ('error' in read) return { check, file, problems: [read.error] };
  const parsed = cloudbasercSchema.safeParse(read.value);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);

  const used = [...new Set([...readFileSync(file, 'utf8').matchAll(/\{\{\s*env\.(\w+)\s*\}\}/g)].map((m) => m[1]!))];
  if (!existsSync(envExample)) {
    if (used.length > 0)
      problems.push(`uses {{env.${used.join('}}, {{env.')}}} but ${shown(envExample)} does not exist`);
  } else {
    const listed = envFileNames(readFileSync(envExample, 'utf8'));
    for (const name of used.filter((n) => !listed.has(n)))
      problems.push(`uses {{env.${name}}}, which .env.example does not list`);
  }

  const config = read.value as { functionRoot?: unknown; functions?: unknown };
  const functions = Array.isArray(config.functions)
    ? (config.functions as Array<{ name?: string; triggers?: unknown }>)
    : [];
  if (
    typeof config.functionRoot === 'string' &&
    resolve(dirname(file), config.functionRoot) !== resolve(functionsDir)
  ) {
    problems.push(`functionRoot "${config.functionRoot}" is not the built functions' folder ${shown(functionsDir)}`);
  }
  const built = foldersIn(functionsDir);
  const listed = functions.map((f) => f.name ?? '');
  for (const name of built.filter((n) => !listed.includes(n)))
    problems.push(`does not list the built function ${name}`);
  for (const name of listed.filter((n) => !built.includes(n))) problems.push(`lists ${name}, which is not built`);

  for (const fn of functions) {
    problems.push(...triggerProblems(fn.triggers, `functions.${fn.name}`));
    const own = readJson(join(functionsDir, fn.name ?? '', 'config.json'));
    if ('value' in own) {
      const theirs = (own.value as { triggers?: unknown }).triggers;
      if (triggerKey(fn.triggers) !== triggerKey(theirs)) {
        problems.push(
          `functions.${fn.name}: triggers ${triggerKey(fn.triggers)} differ from its config.json's ${triggerKey(theirs)}`,
        );
      }
    }
  }
  return { check, file, problems };
}
