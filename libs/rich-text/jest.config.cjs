const { esmNode } = require('../../jest.preset.cjs');
module.exports = esmNode(__dirname, {
  displayName: 'rich-text',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
});
