const { esmNode } = require('../../jest.preset.cjs');
/**
 * Unit tests beside the code (src/**\/*.spec.ts) and integration tests (test/**\/*.spec.ts) that
 * start the real app on port 0 against real PostgreSQL (DATABASE_URL) or the embedded PGlite.
 */
module.exports = esmNode(__dirname, {
  displayName: 'api',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // Generous: on a loaded 2-core machine an embedded database can take long to start.
  testTimeout: 120000,
  maxWorkers: 2,
});
