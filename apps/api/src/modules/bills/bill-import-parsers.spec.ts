import { describe, expect, it } from '@jest/globals';
import { parseCsv, parseOpenStatesJson } from './bill-import-parsers.js';

const HEADER =
  'jurisdiction,session,identifier,origin_chamber,title,sponsor_name,sponsor_role,action_date,action_text,action_classifications';

describe('parseCsv', () => {
  it('groups rows of a bill, keeps unknown classifications, classifies text-only actions, dedupes sponsors', () => {
    const csv = [
      HEADER,
      'US federal,117,S. 3946,upper,Abolish Trafficking Reauthorization Act of 2022,,,2022-03-29,Introduced in Senate,x-custom',
      'US federal,117,H.R. 6552,lower,"Frederick Douglass ..., 2022",Christopher H. Smith,primary,2022-02-01,Introduced in House,',
      'US federal,117,S.3946,upper,ignored title,,,2022-12-20,Passed/agreed to in Senate: Passed Senate.,',
      'US federal,117,H.R. 6552,lower,,Christopher H. Smith,primary,2022-07-26,"Passed/agreed to in House: On motion to suspend the rules and pass the bill, as amended Agreed to.",',
    ].join('\r\n');
    const { bills, issues } = parseCsv(csv);
    expect(issues).toEqual([]);
    expect(bills.map((b) => [b.line, b.bill.identifier, b.actions.length])).toEqual([
      [2, 'S 3946', 2],
      [3, 'HR 6552', 2],
    ]);
    expect(bills[0].bill.title).toBe('Abolish Trafficking Reauthorization Act of 2022');
    expect(bills[0].actions[0].classifications).toEqual(['x-custom']);
    expect(bills[0].actions[1]).toMatchObject({ actor: 'upper', classifications: ['passage'] });
    expect(bills[1].bill.sponsorships).toEqual([
      expect.objectContaining({ name: 'Christopher H. Smith', primary: true }),
    ]);
    expect(bills[0].provided).not.toContain('sponsorships');
  });

  it('reports each bad row with its line and column', () => {
    const csv = [
      HEADER,
      'US federal,117,S. 3946,upper,Good,,,2022-03-29,Introduced,',
      'US federal,117,S. 3946,upper,Good,,,29/03/2022,Introduced again,',
      'US federal,117,???,sideways,Bad,,,,,',
    ].join('\n');
    const { issues } = parseCsv(csv);
    expect(issues.map((i) => [i.line, i.field])).toEqual([
      [3, 'action_date'],
      [4, 'identifier'],
      [4, 'origin_chamber'],
    ]);
  });

  it('names missing and unknown columns on line 1', () => {
    expect(parseCsv('identifier,title\nHR 1,x').issues[0]).toMatchObject({
      line: 1,
      field: 'jurisdiction, session, origin_chamber',
    });
    expect(parseCsv(`${HEADER},colour\nUS,1,HR 1,lower,x,,,,,,blue`).issues[0]).toMatchObject({
      line: 1,
      field: 'colour',
    });
  });
});

describe('parseOpenStatesJson', () => {
  it('reads an API page, and reports invalid JSON on line 0', () => {
    const page = {
      results: [
        {
          id: 'ocd-bill/00000000-0000-0000-0000-000000000000',
          jurisdiction: { name: 'Nebraska' },
          session: '2026',
          identifier: 'LB 12',
          from_organization: { classification: 'legislature' },
          title: 'A synthetic bill',
          actions: [
            {
              date: '2026-01-10',
              description: 'Introduced',
              classification: ['introduction'],
              organization: { classification: 'legislature' },
            },
          ],
          votes: [
            {
              motion_text: 'Final reading',
              start_date: '2026-03-10',
              result: 'pass',
              organization: { classification: 'legislature' },
              counts: [
                { option: 'yes', value: 40 },
                { option: 'no', value: 5 },
              ],
            },
          ],
        },
      ],
    };
    const { bills, issues } = parseOpenStatesJson(JSON.stringify(page));
    expect(issues).toEqual([]);
    expect(bills[0].bill).toMatchObject({
      identifier: 'LB 12',
      originChamber: 'legislature',
      externalIds: { openStates: 'ocd-bill/00000000-0000-0000-0000-000000000000' },
      votes: [
        {
          date: '2026-03-10',
          chamber: 'legislature',
          motion: 'Final reading',
          result: 'pass',
          yes: 40,
          no: 5,
          other: 0,
        },
      ],
    });
    expect(parseOpenStatesJson('{nope').issues[0]).toMatchObject({ line: 0 });
  });

  it('reports a bad action of the second bill with its position', () => {
    const bill = (identifier: string, date: string) => ({
      jurisdiction: { name: 'US federal' },
      session: '118',
      identifier,
      from_organization: { classification: 'lower' },
      title: 'x',
      actions: [{ date, description: 'Introduced in House' }],
    });
    const { issues } = parseOpenStatesJson(
      JSON.stringify([bill('HR 1', '2024-01-01'), bill('HR 2', '2024-1-1')]),
    );
    expect(issues).toEqual([{ line: 2, field: 'actions.0.date', message: expect.any(String) }]);
  });
});
