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
  // No handle stays open: each worker reaches its 'exit' event within milliseconds of jest's end
  // message. Tearing down a worker that held the TypeScript compiler and PGlite's WebAssembly then
  // takes longer than jest's default 500 ms on two busy cores, after which jest kills it and reports
  // "failed to exit gracefully". A real leak (a ref'd timer or socket) is still reported, after 5 s.
  workerGracefulExitTimeout: 5000,
  testTimeout: 30000,
  setupFiles: ['<rootDir>/test/setup-env.ts'],
};
