import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { callBuiltFunction } from './call-built-function';
import { foldersIn } from './files';
import type { CheckResult } from './result';

/**
 * An event each function must refuse with an error envelope: an unknown action for the
 * action-based functions; the timer-only scheduler refuses any call that does not come from
 * its timer, and mediacheck anything that is not WeChat's media-check push.
 */
export const REFUSED_EVENT: Record<string, unknown> = {
  scheduler: { TriggerName: 'outbox' },
  mediacheck: { MsgType: 'event', Event: 'user_enter_tempsession' },
};
const DEFAULT_EVENT = { action: 'noSuchAction' };

/** This environment without the local-mode switches and module paths, as in CloudBase. */
function bareEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('LIANLUO_') && name !== 'NODE_PATH' && name !== 'NODE_OPTIONS',
    ),
  ) as NodeJS.ProcessEnv;
}

/** node_modules folders in `dir` or above it: any would let a missing dependency load anyway. */
function nodeModulesAbove(dir: string): string[] {
  const found: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'node_modules'))) found.push(join(at, 'node_modules'));
    if (dirname(at) === at) return found;
  }
}

/** An answer in the envelope's error form: `{ ok: false, error: { code, message } }` (src/domain/envelope.ts). */
function isErrorEnvelope(answer: unknown): boolean {
  const a = answer as { ok?: unknown; error?: { code?: unknown; message?: unknown } } | null;
  return a?.ok === false && typeof a.error?.code === 'string' && typeof a.error?.message === 'string';
}

/** The version of a node binary, e.g. v16.13.0. */
export function nodeVersion(node: string): string {
  return spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim() || node;
}

/**
 * Each built function, copied alone into a fresh folder with no node_modules anywhere above
 * it, loads in a bare Node process (no LIANLUO_* variables, no NODE_PATH) and answers an event
 * it refuses with an error envelope rather than crashing: every module it needs is bundled.
 * `node` picks the binary (DEPLOY_CHECK_NODE, e.g. CloudBase's Node 16.13; default this one).
 */
export function checkBareNode(
  functionsDir: string,
  node = process.env.DEPLOY_CHECK_NODE || process.execPath,
): CheckResult[] {
  const version = nodeVersion(node);
  return foldersIn(functionsDir).map((name) => {
    const file = join(functionsDir, name, 'index.js');
    const check = `loads and answers alone in bare node ${version}`;
    const dir = mkdtempSync(join(tmpdir(), `lianluo-bare-${name}-`));
    try {
      cpSync(join(functionsDir, name), dir, { recursive: true });
      const above = nodeModulesAbove(dir);
      if (above.length > 0)
        return { check, file, problems: [`cannot test bare: ${above.join(', ')} exists above ${dir}`] };
      const event = REFUSED_EVENT[name] ?? DEFAULT_EVENT;
      const outcome = callBuiltFunction(join(dir, 'index.js'), event, {}, { node, cwd: dir, env: bareEnv() });
      if (!outcome.ok) return { check, file, problems: [`${JSON.stringify(event)}: ${outcome.error}`] };
      return isErrorEnvelope(outcome.answer)
        ? { check, file, problems: [] }
        : {
            check,
            file,
            problems: [
              `${JSON.stringify(event)} answered ${JSON.stringify(outcome.answer).slice(0, 300)}, not an error envelope`,
            ],
          };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
