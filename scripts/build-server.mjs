// Bundle the local server (server/local/main.ts) for `npm start`. npm packages stay
// external: they are in node_modules wherever the local server runs.
import { build } from 'esbuild';

await build({
  entryPoints: ['server/local/main.ts'],
  outfile: 'dist/server/main.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log('built dist/server/main.js');
