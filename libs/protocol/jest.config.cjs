const { esmNode } = require('../../jest.preset.cjs');
module.exports = esmNode(__dirname, {
  displayName: 'protocol',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
});
