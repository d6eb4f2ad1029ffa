/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  // PGlite instances and HTTP servers are heavy; two cores want at most two workers.
  maxWorkers: 2,
  testTimeout: 30000,
  setupFiles: ['<rootDir>/test/setup-env.ts'],
};
