const { esmNode } = require('../../jest.preset.cjs');
module.exports = esmNode(__dirname, {
  displayName: 'collab-client',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
});
