/**
 * Component and unit tests of the web app: jsdom, SWC (TSX, React automatic runtime), plain
 * CommonJS mode (no --experimental-vm-modules needed), the shared libraries from their sources.
 */
const { swc } = require('../../jest.preset.cjs');

const swcOptions = {
  ...swc,
  jsc: { ...swc.jsc, parser: { syntax: 'typescript', tsx: true } },
  module: { type: 'commonjs' },
};

module.exports = {
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  transform: { '^.+\\.(ts|tsx)$': ['@swc/jest', swcOptions] },
  moduleNameMapper: {
    '^@coalesce/protocol$': '<rootDir>/../../libs/protocol/src/index.ts',
    '^@coalesce/domain$': '<rootDir>/../../libs/domain/src/index.ts',
    '^@coalesce/case-map$': '<rootDir>/../../libs/case-map/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '\\.css$': '<rootDir>/jest/style-stub.cjs',
  },
  setupFilesAfterEnv: ['<rootDir>/jest/setup.cjs'],
  clearMocks: true,
};
