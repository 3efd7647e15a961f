// `npm run bench`: bundle bench/api-bench.ts and run it (see that file for what it measures).
import { bundleAndRun } from './bundle.mjs';

await bundleAndRun('bench/api-bench.ts', 'dist/bench/api-bench.js');
