// `npm run demo:year`: bundle and run server/local/demo-year-main.ts on the local store.
import { bundleAndRun } from './bundle.mjs';

await bundleAndRun('server/local/demo-year-main.ts', 'dist/server/demo-year.js');
