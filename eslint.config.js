import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/**
 * Lint rules, including the module boundaries of DESIGN.md:
 * apps -> libs only; libs never import apps; protocol and domain import no framework;
 * core/ of the API never imports modules/.
 */
export default [
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.nx/**',
      '**/coverage/**',
      'tests/load/results/**',
      '**/*.cjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:protocol', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:rich-text', onlyDependOnLibsWithTags: [] },
            {
              sourceTag: 'type:case-map',
              onlyDependOnLibsWithTags: ['type:domain', 'type:protocol'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: [
      'libs/protocol/**/*.ts',
      'libs/domain/**/*.ts',
      'libs/collab-client/**/*.ts',
      'libs/rich-text/**/*.ts',
      'libs/case-map/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'react', 'react-dom', 'typeorm', 'express'],
              message: 'Shared libraries import no framework.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/api/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/modules/**'], message: 'core/ never imports modules/.' }] },
      ],
    },
  },
  prettier,
];
