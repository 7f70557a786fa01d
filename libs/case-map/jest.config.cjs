const { esmNode } = require('../../jest.preset.cjs');
module.exports = esmNode(__dirname, {
  displayName: 'case-map',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
});
