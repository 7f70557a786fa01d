import { z } from 'zod';

/**
 * Zod 4 compiles object parsers with `new Function` when it may, and probes for that when the
 * first object schema is built. The app's Content-Security-Policy forbids eval, and the browser
 * reports even the caught probe as a violation, so the web app turns the compiler off (parsing is
 * as correct, slightly slower). Imported first in main.tsx: before any schema of
 * @coalesce/protocol is created.
 */
z.config({ jitless: true });
