/** One runner for every layer; `npm test` (scripts/test.mjs) builds first, then runs all of it. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/{domain,usecases,server,functions,build}/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'pages',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/pages/**/*.test.tsx'],
      setupFiles: ['<rootDir>/tests/pages/setup.ts'],
      moduleNameMapper: {
        '^@tarojs/components$': '<rootDir>/tests/pages/stand-ins/components.tsx',
        '^@tarojs/taro$': '<rootDir>/tests/pages/stand-ins/taro.ts',
        '\\.(css|scss)$': '<rootDir>/tests/pages/stand-ins/style.ts',
        '^(.*)/transport$': '$1/transport.h5',
      },
    },
    {
      ...common,
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
    },
  ],
};
