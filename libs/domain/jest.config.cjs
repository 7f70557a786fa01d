const { esmNode } = require('../../jest.preset.cjs');
module.exports = esmNode(__dirname, {
  displayName: 'domain',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
});
