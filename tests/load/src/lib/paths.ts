import { fileURLToPath } from 'node:url';

/** Repository root (this file is tests/load/dist/lib/paths.js once compiled). */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** Compiled harness directory (tests/load/dist). */
export const DIST = fileURLToPath(new URL('../', import.meta.url));
export const RESULTS_DIR = fileURLToPath(new URL('../../results/', import.meta.url));
