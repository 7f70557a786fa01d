import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.js';

export const BENCHMARKS_DOC = join(ROOT, 'docs', 'benchmarks.md');

/**
 * The sections of docs/benchmarks.md that other harnesses write (`## Soak`, by `npm run soak` in
 * tests/chaos): a full benchmark run regenerates the file and must not drop them.
 */
const KEPT_SECTIONS = ['## Soak'];

/** The kept sections of a benchmarks.md text, each from its heading to the next `## ` heading. */
export function keptSections(text: string): string[] {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!KEPT_SECTIONS.includes(lines[i].trim())) continue;
    let end = i + 1;
    while (end < lines.length && !lines[end].startsWith('## ')) end++;
    kept.push(lines.slice(i, end).join('\n').trimEnd());
  }
  return kept;
}

/** Writes the benchmark's markdown, followed by the kept sections of the current file. */
export function writeBenchmarksDoc(markdown: string): void {
  const current = existsSync(BENCHMARKS_DOC) ? readFileSync(BENCHMARKS_DOC, 'utf8') : '';
  const kept = keptSections(current);
  writeFileSync(
    BENCHMARKS_DOC,
    kept.length ? `${markdown.trimEnd()}\n\n${kept.join('\n\n')}\n` : markdown,
  );
}
