/**
 * One jest run: unit specs beside the code (src/**\/*.spec.ts) and API suites (test/api)
 * against one embedded PostgreSQL started by test/support/global-setup.ts.
 * On Node 26, jest can require() the ES modules NestJS 12 ships, so only our own
 * TypeScript is transformed (ts-jest; type-checking is the separate `tsc --noEmit` step).
 */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
