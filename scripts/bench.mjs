// `npm run bench`: bundle bench/run.ts and run it (see that file and bench/sections.ts for what it
// measures; BENCH_ONLY=a,b runs only the named sections, BENCH_VOLUMES the opinion volumes).
import { bundleAndRun } from './bundle.mjs';

await bundleAndRun('bench/run.ts', 'dist/bench/bench.js');
