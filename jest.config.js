/**
 * Three tiers (issue "Ownership…"), each runnable alone with --selectProjects:
 * - unit: src/**\/*.spec.ts — the engine and pure helpers; no database, no build;
 * - service: test/service — services and repositories on real PostgreSQL, without HTTP;
 * - e2e: test/e2e and test/crash — the real app over HTTP on real PostgreSQL.
 * The database tiers share one PostgreSQL per run (test/global-setup.js) and give each test file
 * its own database. Jest runs the project as ESM (NestJS 12 packages are ESM-only), see
 * docs/adr/0001-esm-and-nestjs-12.md.
 */
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: ['TS151001', 'TS151002'] } }],
  },
};

const withDatabase = {
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
};

export default {
  testTimeout: 60000,
  maxWorkers: 2,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...common, ...withDatabase, displayName: 'service', testMatch: ['<rootDir>/test/service/**/*.spec.ts'] },
    { ...common, ...withDatabase, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts', '<rootDir>/test/crash/**/*.e2e-spec.ts'] },
  ],
};
