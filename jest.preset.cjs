/** Shared Jest setup: SWC transforms TypeScript (with decorator metadata) as ES modules. */
const path = require('node:path');

const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

module.exports = {
  swc,
  esmNode: (rootDir, extra = {}) => ({
    rootDir,
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    transform: { '^.+\\.ts$': ['@swc/jest', swc] },
    moduleNameMapper: {
      '^@coalesce/protocol$': path.join(__dirname, 'libs/protocol/src/index.ts'),
      '^@coalesce/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
      '^@coalesce/rich-text$': path.join(__dirname, 'libs/rich-text/src/index.ts'),
      '^@coalesce/collab-client$': path.join(__dirname, 'libs/collab-client/src/index.ts'),
      '^@coalesce/case-map$': path.join(__dirname, 'libs/case-map/src/index.ts'),
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    ...extra,
  }),
};
