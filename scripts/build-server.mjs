// Bundle the local server (server/local/main.ts) for `npm start`.
import { bundleNode } from './bundle.mjs';

await bundleNode('server/local/main.ts', 'dist/server/main.js');
console.log('built dist/server/main.js');
