// `npm run demo:year`: bundle and run server/local/demo-year-main.ts on the local store.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

await build({
  entryPoints: ['server/local/demo-year-main.ts'],
  outfile: 'dist/server/demo-year.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
process.exit(spawnSync(process.execPath, ['dist/server/demo-year.js'], { stdio: 'inherit' }).status ?? 1);
