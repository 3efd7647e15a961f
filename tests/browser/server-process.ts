import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The built local server (what `npm start` runs) as a child process on a free port, on a
 * scratch data directory unless one is given; resolves once it prints its URL.
 */
export async function startServerProcess(dataDir = mkdtempSync(join(tmpdir(), 'lianluo-browser-'))) {
  const child: ChildProcess = spawn(process.execPath, ['dist/server/main.js'], {
    env: { ...process.env, PORT: '0', LIANLUO_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 60000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
  return {
    url,
    dataDir,
    /** Everything the server printed so far. */
    log: () => log,
    /** Whether the process is still running. */
    alive: () => child.exitCode === null && child.signalCode === null,
    /** Ctrl-C: a clean stop. */
    stop: async () => {
      child.kill('SIGINT');
      await exited;
    },
    /** A crash: the process dies at once, mid-write if it was writing. */
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
