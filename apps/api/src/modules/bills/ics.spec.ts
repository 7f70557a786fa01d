import { describe, expect, it } from '@jest/globals';
import { escapeIcsText, foldIcsLine, toIcs } from './ics.js';

describe('ics', () => {
  it('escapes text and folds long lines at 75 octets', () => {
    expect(escapeIcsText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const folded = foldIcsLine(`SUMMARY:${'x'.repeat(100)}`);
    expect(folded.split('\r\n').map((l) => Buffer.byteLength(l))).toEqual([75, 34]);
  });

  it('writes one VEVENT per event with UTC times and a default one-hour end', () => {
    const ics = toIcs('Hearings', [
      {
        uid: 'e1@coalesce',
        start: new Date('2026-12-03T15:00:00Z'),
        end: null,
        summary: 'Hearing: HR 2200',
        location: 'Rayburn 2172',
        updated: new Date('2026-11-29T08:00:00Z'),
      },
    ]);
    expect(ics).toContain(
      'BEGIN:VEVENT\r\nUID:e1@coalesce\r\nDTSTAMP:20261129T080000Z\r\nDTSTART:20261203T150000Z\r\nDTEND:20261203T160000Z\r\n',
    );
    expect(ics).toContain('LOCATION:Rayburn 2172');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
