// `npm run bench`: bundle bench/api-bench.ts and run it (see that file for what it measures).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

await build({
  entryPoints: ['bench/api-bench.ts'],
  outfile: 'dist/bench/api-bench.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['dist/bench/api-bench.js'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
