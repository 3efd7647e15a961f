import { spawnSync } from 'node:child_process';

/** Marks the answer in the child's output, after whatever the function logged. */
const MARK = '\n@@built-function-answer@@';

export interface CallOptions {
  /** The node binary (default: the one running this). */
  node?: string;
  /** The child's whole environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
}

export type CallOutcome = { ok: true; answer: unknown } | { ok: false; error: string };

/**
 * Load a built function's index.js in a new Node process and call its exported
 * `main(event, context)`, as CloudBase does: the answer it resolves to, or how loading or
 * calling it failed (a missing module, a throw, a crash, no answer in time).
 */
export function callBuiltFunction(
  indexJs: string,
  event: unknown,
  context: unknown,
  options: CallOptions = {},
): CallOutcome {
  const script = `
    let fn;
    try { fn = require(${JSON.stringify(indexJs)}); }
    catch (error) { console.error('load failed: ' + (error && error.message)); process.exit(2); }
    Promise.resolve()
      .then(() => fn.main(${JSON.stringify(event)}, ${JSON.stringify(context)}))
      .then((answer) => { process.stdout.write(${JSON.stringify(MARK)} + JSON.stringify(answer === undefined ? null : answer)); process.exit(0); },
            (error) => { console.error('main threw: ' + (error && error.stack || error)); process.exit(3); });
  `;
  const result = spawnSync(options.node ?? process.execPath, ['-e', script], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.error) return { ok: false, error: result.error.message };
  const at = result.stdout.lastIndexOf(MARK);
  if (result.status !== 0 || at < 0) {
    const why = result.stderr.trim().split('\n').slice(0, 3).join(' | ') || `exit ${result.status ?? result.signal}`;
    return { ok: false, error: why.slice(0, 600) };
  }
  try {
    return { ok: true, answer: JSON.parse(result.stdout.slice(at + MARK.length)) as unknown };
  } catch {
    return { ok: false, error: 'answered something that is not JSON' };
  }
}
