/**
 * Black-box browser tests: the built API (serving the built web app) as a child process, driven
 * through Debian's Chromium with playwright-core. Run with NODE_OPTIONS=--experimental-vm-modules.
 */
const { esmNode } = require('../../jest.preset.cjs');

module.exports = esmNode(__dirname, {
  displayName: 'e2e',
  testMatch: ['<rootDir>/src/**/*.e2e.spec.ts'],
  // The embedded database and the demo seed take a while to start on a busy machine.
  testTimeout: 60_000,
  maxWorkers: 1,
});
