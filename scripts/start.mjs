// `npm start`: build what is missing or out of date (the local server always — it takes a
// second; the H5 app when src/ or config/ changed since it was built), then run the local
// server in this process's place. Extra arguments go to the server (e.g. --seed-only).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function npmRun(script) {
  const result = spawnSync('npm', ['run', script], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm run ${script} 失败`);
    process.exit(result.status ?? 1);
  }
}

const seedOnly = process.argv.includes('--seed-only');
npmRun('build:server');
const shell = 'dist/h5/index.html';
const sourcesChanged = !existsSync(shell) || Math.max(newest('src'), newest('config')) > statSync(shell).mtimeMs;
if (!seedOnly && sourcesChanged) {
  console.log('正在构建 H5 应用（约半分钟）…');
  npmRun('build:h5');
}

const server = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
// Ctrl-C reaches the server through the terminal's process group; forward other stops.
process.on('SIGTERM', () => server.kill('SIGTERM'));
process.on('SIGINT', () => undefined);
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
