// Bundle a TypeScript entry of the server side for Node, npm packages left external (they
// are in node_modules wherever these bundles run), and optionally run it.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

export async function bundleNode(entry, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

/** Bundle, then run in a child process; exits with its status. */
export async function bundleAndRun(entry, outfile) {
  await bundleNode(entry, outfile);
  const result = spawnSync(process.execPath, ['--enable-source-maps', outfile], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
