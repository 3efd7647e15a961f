/**
 * The direction of imports between the layers (README: architecture map), checked in CI
 * by `npm run depcheck`. Each rule names what a layer must not reach.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'The domain is plain TypeScript shared by app and functions: no Taro, no SDK, no Node I/O, no other layer.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        pathNot: ['^src/domain/', '^node_modules/(dayjs|zod|chinese-days)/'],
      },
    },
    {
      name: 'services-use-ports-only',
      comment: 'Application services see the domain and the ports, never an adapter, the runtime or an SDK.',
      severity: 'error',
      from: { path: '^server/services/' },
      to: { pathNot: ['^server/services/', '^server/ports/', '^src/domain/'] },
    },
    {
      name: 'ports-are-types',
      severity: 'error',
      from: { path: '^server/ports/' },
      to: { pathNot: ['^server/ports/', '^src/domain/'] },
    },
    {
      name: 'adapters-do-not-call-services',
      severity: 'error',
      from: { path: '^server/adapters/' },
      to: { path: ['^server/services/', '^server/runtime/', '^server/local/', '^cloudfunctions/', '^src/(?!domain/)'] },
    },
    {
      name: 'functions-are-thin',
      comment: 'A cloud function entry wires schemas and services through the runtime; it holds no adapter of its own.',
      severity: 'error',
      from: { path: '^cloudfunctions/' },
      to: { path: ['^server/adapters/', '^server/local/', '^src/(?!domain/)'] },
    },
    {
      name: 'app-does-not-reach-the-server',
      comment: 'Pages and components talk to the functions only through src/api/client.',
      severity: 'error',
      from: { path: '^src/(?!domain/)' },
      to: { path: ['^server/', '^cloudfunctions/', '^node_modules/(better-sqlite3|@cloudbase)/'] },
    },
    {
      name: 'pages-use-the-client',
      comment:
        'No UI code (pages, casework, components, hooks, settings: all of src/ but the domain, the client and the platform code) reaches a transport: it calls src/api/client. Taro.cloud and Taro.request are not imports; ESLint forbids them there (eslint.config.mjs).',
      severity: 'error',
      from: { path: '^src/(?!domain/|api/|platform/)' },
      to: { path: '^src/api/transport' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    exclude: { path: '(^dist/|\\.test\\.tsx?$)' },
  },
};
