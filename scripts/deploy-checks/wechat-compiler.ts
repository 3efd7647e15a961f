import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CheckResult } from './result';

/** The child that runs miniprogram-ci (it never exits on its own); resolved from the repository root. */
const CHILD = resolve('scripts/deploy-checks/compile-weapp.cjs');

interface ChildResult {
  crashed?: string;
  compile?: { ok: boolean; message?: string; file?: string };
  unresolved?: Array<{ file: string; message: string }>;
  failed?: Array<{ file: string; message: string }>;
}

/** Run the child on `weappDir`; kill it and its compiler workers after `timeoutMs`. */
function runChild(weappDir: string, timeoutMs: number): Promise<ChildResult> {
  const dir = mkdtempSync(join(tmpdir(), 'lianluo-wechat-compile-'));
  const out = join(dir, 'result.json');
  return new Promise<ChildResult>((done) => {
    // miniprogram-ci keeps a cache folder per project in its working directory: this run's own
    // folder, removed with it, rather than the checkout.
    const child = spawn(process.execPath, [CHILD, resolve(weappDir), out], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      try {
        done(JSON.parse(readFileSync(out, 'utf8')) as ChildResult);
      } catch {
        done({ crashed: `miniprogram-ci ended (${signal ?? code}) without a result: ${stderr.trim().slice(-600)}` });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

/** The file a compile error names: its `filePath`, or the "file: x" its message starts with. */
function failingFile(compile: NonNullable<ChildResult['compile']>): string | undefined {
  return compile.file ?? /^file: (\S+)/.exec(compile.message ?? '')?.[1];
}

/**
 * WeChat's own compiler on the built mini program (miniprogram-ci 2.1.42 getCompiledResult,
 * offline, with es7 and every minifier on, as an upload would): it refuses a broken app.json,
 * missing page files, JS syntax errors, WXSS errors and malformed WXML. Then its code analyser,
 * which reports every require/import that resolves to no file in the package.
 */
export async function checkWechatCompiler(weappDir: string, timeoutMs = 10 * 60_000): Promise<CheckResult[]> {
  const compileCheck = 'WeChat compiler (miniprogram-ci) compiles it';
  const importCheck = 'every import resolves (miniprogram-ci analyser)';
  if (!existsSync(join(weappDir, 'app.json'))) {
    return [{ check: compileCheck, file: weappDir, problems: ['no app.json: build the mini program first'] }];
  }
  const result = await runChild(weappDir, timeoutMs);
  if (result.crashed || !result.compile) {
    return [{ check: compileCheck, file: weappDir, problems: [result.crashed ?? 'no result'] }];
  }
  const file = result.compile.ok ? undefined : failingFile(result.compile);
  const broken = [...(result.unresolved ?? []), ...(result.failed ?? [])];
  return [
    {
      check: compileCheck,
      file: file ? join(weappDir, file) : weappDir,
      problems: result.compile.ok ? [] : [result.compile.message ?? 'compile failed'],
    },
    {
      check: importCheck,
      file: broken[0] ? join(weappDir, broken[0].file) : weappDir,
      problems: broken.map((b) => `${b.file}: ${b.message}`),
    },
  ];
}
