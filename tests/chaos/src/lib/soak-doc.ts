import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './util.js';

export const BENCHMARKS_DOC = join(ROOT, 'docs', 'benchmarks.md');
const HEADING = '## Soak';

/**
 * Puts `section` (starting with `## Soak`, no other `## ` heading inside) into docs/benchmarks.md:
 * replaces the current Soak section, or appends it. The benchmark harness regenerates the rest of
 * the file and keeps this section (tests/load/src/lib/benchmarks-doc.ts).
 */
export function writeSoakSection(section: string): void {
  if (!section.startsWith(`${HEADING}\n`))
    throw new Error(`the section must start with ${HEADING}`);
  const current = existsSync(BENCHMARKS_DOC) ? readFileSync(BENCHMARKS_DOC, 'utf8') : '';
  const lines = current.split('\n');
  const start = lines.findIndex((line) => line.trim() === HEADING);
  let next: string;
  if (start < 0) {
    next = `${current.trimEnd()}\n\n${section.trimEnd()}\n`;
  } else {
    let end = start + 1;
    while (end < lines.length && !lines[end].startsWith('## ')) end++;
    const before = lines.slice(0, start).join('\n').trimEnd();
    const after = lines.slice(end).join('\n').trim();
    next = [before, section.trimEnd(), after].filter(Boolean).join('\n\n') + '\n';
  }
  writeFileSync(BENCHMARKS_DOC, next.replace(/^\n+/, ''));
}
