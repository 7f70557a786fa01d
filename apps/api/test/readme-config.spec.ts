import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { CONFIG_SPEC } from '../src/core/config/app-config.js';
import { COLLAB_CONFIG_SPEC } from '../src/modules/collab/collab.config.js';
import { BILLS_CONFIG_SPEC } from '../src/modules/bills/bills.config.js';
import { TASKS_CONFIG_SPEC } from '../src/modules/tasks/tasks.config.js';
import { ORG_DATA_CONFIG_SPEC } from '../src/modules/org-data/org-data.config.js';

describe('README configuration table', () => {
  const readme = readFileSync(
    fileURLToPath(new URL('../../../README.md', import.meta.url)),
    'utf8',
  );

  it.each([
    ...Object.keys(CONFIG_SPEC),
    ...Object.keys(COLLAB_CONFIG_SPEC),
    ...Object.keys(BILLS_CONFIG_SPEC),
    ...Object.keys(TASKS_CONFIG_SPEC),
    ...Object.keys(ORG_DATA_CONFIG_SPEC),
  ])('documents %s', (key) => {
    expect(readme).toMatch(new RegExp(`\\| \`${key}\` \\|`));
  });
});
