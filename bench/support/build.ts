import { spawnSync } from 'node:child_process';

/** Build what a section needs and is missing: `npm run <script>` with extra environment. */
export function build(script: string, log: (line: string) => void, env: Record<string, string> = {}): void {
  const settings = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  log(`building: npm run ${[script, ...settings].join(' ')}…`);
  const result = spawnSync('npm', ['run', script], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    const said = result.stderr.toString().trim().split('\n').slice(-3).join(' | ');
    throw new Error(`npm run ${script} failed${said ? `: ${said}` : ''}`);
  }
}
