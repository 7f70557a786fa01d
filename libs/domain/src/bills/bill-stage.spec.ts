import { describe, expect, it } from '@jest/globals';
import { classifyActionText, actorFromText } from './action-classifier.js';
import { deriveBillStage } from './bill-stage.js';
import type { StageAction } from './bill-stage.js';

/**
 * Real federal action histories, abridged to the actions that matter for the stage, with the
 * congress.gov wording where we have it. The text is classified by classifyActionText, as an import
 * of text-only actions would be. Dates marked "uncertain" in the sample files are noted here too.
 */
type Row = [date: string, text: string];
const actions = (rows: Row[]): StageAction[] =>
  rows.map(([date, text]) => ({
    date,
    actor: actorFromText(text),
    classifications: classifyActionText(text),
  }));

// H.R. 2200, 115th Congress: Frederick Douglass Trafficking Victims Prevention and Protection
// Reauthorization Act of 2017. House passage: sources give 2017-07-12 and 2017-07-13.
const HR_2200: Row[] = [
  ['2017-04-27', 'Introduced in House'],
  [
    '2017-04-27',
    'Referred to the Committee on Foreign Affairs, and in addition to other committees',
  ],
  [
    '2017-07-12',
    'Passed/agreed to in House: On motion to suspend the rules and pass the bill, as amended Agreed to by voice vote.',
  ],
  ['2017-07-13', 'Received in the Senate.'],
  [
    '2018-12-17',
    'Passed/agreed to in Senate: Passed Senate with an amendment by Unanimous Consent.',
  ],
  ['2019-01-08', 'Signed by President.'],
  ['2019-01-08', 'Became Public Law No: 115-425.'],
];

// S. 3946, 117th Congress: Abolish Trafficking Reauthorization Act of 2022 (House passage date
// uncertain: the House suspension text is dated 2022-12-22).
const S_3946: Row[] = [
  ['2022-03-29', 'Introduced in Senate'],
  ['2022-03-29', 'Read twice and referred to the Committee on the Judiciary.'],
  [
    '2022-12-20',
    'Passed/agreed to in Senate: Passed Senate without amendment by Unanimous Consent.',
  ],
  [
    '2022-12-22',
    'Passed/agreed to in House: On motion to suspend the rules and pass the bill Agreed to.',
  ],
  ['2023-01-05', 'Signed by President.'],
  ['2023-01-05', 'Became Public Law No: 117-347.'],
];

// H.J.Res. 46, 116th Congress: terminating the national emergency declared on 2019-02-15.
// House 245-182 (2019-02-26), Senate 59-41 (2019-03-14), veto 2019-03-15, override failed 248-181.
const HJRES_46: Row[] = [
  ['2019-02-22', 'Introduced in House'],
  ['2019-02-26', 'Passed/agreed to in House: On passage Passed by the Yeas and Nays: 245 - 182.'],
  [
    '2019-03-14',
    'Passed/agreed to in Senate: Passed Senate without amendment by Yea-Nay Vote. 59 - 41.',
  ],
  ['2019-03-15', 'Vetoed by President.'],
  ['2019-03-26', 'Failed of passage in House over veto by the Yeas and Nays: 248 - 181.'],
];

// H.R. 6395, 116th Congress: William M. (Mac) Thornberry NDAA for Fiscal Year 2021, enacted over a veto.
const HR_6395: Row[] = [
  ['2020-03-26', 'Introduced in House'],
  ['2020-03-26', 'Referred to the House Committee on Armed Services.'],
  ['2020-07-21', 'Passed/agreed to in House: On passage Passed by recorded vote: 295 - 125.'],
  [
    '2020-07-23',
    'Passed/agreed to in Senate: Passed Senate with an amendment by Yea-Nay Vote. 86 - 14.',
  ],
  ['2020-12-08', 'Conference report agreed to in House.'],
  ['2020-12-11', 'Conference report agreed to in Senate.'],
  ['2020-12-23', 'Vetoed by President.'],
  ['2020-12-28', 'Passed House over veto by the Yeas and Nays: 322 - 87.'],
  ['2021-01-01', 'Passed Senate over veto by Yea-Nay Vote. 81 - 13.'],
  ['2021-01-01', 'Became Public Law No: 116-283.'],
];

// H.R. 6552, 117th Congress: Frederick Douglass TVPPRA of 2022 (Rep. Smith, for himself, Ms. Bass
// and Mr. McCaul, 2022-02-01). Passed the House 401-20 on 2022-07-26, received in the Senate and referred to Foreign
// Relations on 2022-07-27; the 117th Congress ended on 2023-01-03 without Senate action.
const HR_6552: Row[] = [
  ['2022-02-01', 'Introduced in House'],
  [
    '2022-02-01',
    'Referred to the Committee on Foreign Affairs, and in addition to the Committees on Ways and Means, Oversight and Reform, Education and Labor, and the Judiciary.',
  ],
  [
    '2022-07-26',
    'Passed/agreed to in House: On motion to suspend the rules and pass the bill, as amended Agreed to by the Yeas and Nays: 401 - 20.',
  ],
  [
    '2022-07-27',
    'Received in the Senate and Read twice and referred to the Committee on Foreign Relations.',
  ],
];

describe('deriveBillStage over real federal histories', () => {
  it('H.R. 2200 (115th): enacted on 2019-01-08 after passing both chambers', () => {
    const d = deriveBillStage(actions(HR_2200), { originChamber: 'lower', sessionEnded: true });
    expect(d.stage).toBe('enacted');
    expect(d.stageDates).toEqual({
      introduced: '2017-04-27',
      'in-committee': '2017-04-27',
      'passed-origin': '2017-07-12',
      'in-second-chamber': '2017-07-13',
      'passed-both': '2018-12-17',
      enacted: '2019-01-08',
    });
  });

  it('S. 3946 (117th): a Senate bill enacted as P.L. 117-347', () => {
    const d = deriveBillStage(actions(S_3946), { originChamber: 'upper' });
    expect(d.stage).toBe('enacted');
    expect(d.stageDates['passed-origin']).toBe('2022-12-20');
    expect(d.stageDates['passed-both']).toBe('2022-12-22');
    expect(d.stageDates.enacted).toBe('2023-01-05');
  });

  it('H.J.Res. 46 (116th): vetoed, and a failed override keeps it vetoed', () => {
    const d = deriveBillStage(actions(HJRES_46), { originChamber: 'lower', sessionEnded: true });
    expect(d.stage).toBe('vetoed');
    expect(d.stageDates.vetoed).toBe('2019-03-15');
    expect(d.stageDates['passed-both']).toBe('2019-03-14');
    expect(d.lastActionDate).toBe('2019-03-26');
  });

  it('H.R. 6395 (116th): vetoed, then enacted when both chambers override', () => {
    const d = deriveBillStage(actions(HR_6395), { originChamber: 'lower', sessionEnded: true });
    expect(d.stage).toBe('enacted');
    expect(d.stageDates.vetoed).toBe('2020-12-23');
    expect(d.stageDates.enacted).toBe('2021-01-01');
    // After the House override alone the bill is still vetoed.
    const halfway = deriveBillStage(actions(HR_6395.slice(0, 8)), { originChamber: 'lower' });
    expect(halfway.stage).toBe('vetoed');
  });

  it('H.R. 6552 (117th): passed the House, sat in the Senate, died when the Congress ended', () => {
    const open = deriveBillStage(actions(HR_6552), { originChamber: 'lower' });
    expect(open.stage).toBe('in-second-chamber');
    const ended = deriveBillStage(actions(HR_6552), {
      originChamber: 'lower',
      sessionEnded: true,
      sessionEndDate: '2023-01-03',
    });
    expect(ended.stage).toBe('dead');
    expect(ended.stageDates.dead).toBe('2023-01-03');
    expect(ended.stageDates['passed-origin']).toBe('2022-07-26');
  });
});

describe('deriveBillStage rules', () => {
  const a = (
    date: string,
    actor: StageAction['actor'],
    ...classifications: string[]
  ): StageAction => ({
    date,
    actor,
    classifications,
  });

  it('never moves backwards: a later referral does not undo a passage', () => {
    const d = deriveBillStage(
      [
        a('2024-01-01', 'lower', 'introduction'),
        a('2024-02-01', 'lower', 'passage'),
        a('2024-03-01', 'lower', 'referral-committee'),
      ],
      { originChamber: 'lower' },
    );
    expect(d.stage).toBe('passed-origin');
  });

  it('ignores unknown classifications and unsorted input', () => {
    const d = deriveBillStage(
      [
        a('2024-03-01', 'lower', 'committee-passage-favorable', 'x-strange-thing'),
        a('2024-01-01', 'lower', 'introduction', 'whatever'),
      ],
      { originChamber: 'lower' },
    );
    expect(d.stage).toBe('reported');
    expect(d.stageDates.introduced).toBe('2024-01-01');
  });

  it('skips the second chamber in a unicameral legislature (synthetic history)', () => {
    const d = deriveBillStage(
      [
        a('2024-01-10', 'legislature', 'introduction', 'referral-committee'),
        a('2024-02-10', 'legislature', 'committee-passage'),
        a('2024-03-10', 'legislature', 'passage'),
        a('2024-03-12', 'executive', 'executive-receipt'),
        a('2024-03-15', 'executive', 'executive-signature'),
      ],
      { originChamber: 'legislature' },
    );
    expect(d.stage).toBe('enacted');
    expect(d.stageDates['in-second-chamber']).toBeUndefined();
    expect(d.stageDates['passed-both']).toBeUndefined();
  });

  it('a failed floor vote and a withdrawal are final', () => {
    expect(
      deriveBillStage(
        [
          a('2024-01-01', 'upper', 'introduction'),
          a('2024-02-01', 'upper', 'failure'),
          a('2024-03-01', 'upper', 'passage'),
        ],
        {
          originChamber: 'upper',
        },
      ).stage,
    ).toBe('failed');
    expect(
      deriveBillStage(
        [a('2024-01-01', 'upper', 'introduction'), a('2024-02-01', 'upper', 'withdrawal')],
        { originChamber: 'upper' },
      ).stage,
    ).toBe('dead');
  });

  it('a bill without actions is introduced', () => {
    expect(deriveBillStage([], { originChamber: 'lower' })).toEqual({
      stage: 'introduced',
      stageDates: {},
      lastActionDate: null,
    });
  });
});

describe('classifyActionText', () => {
  it.each([
    ['Introduced in House', ['introduction']],
    ['Read twice and referred to the Committee on the Judiciary.', ['referral-committee']],
    [
      'Passed/agreed to in Senate: Passed Senate with an amendment by Unanimous Consent.',
      ['passage'],
    ],
    [
      'Resolving differences -- House actions: On motion that the House agree to the Senate amendment Agreed to by voice vote.',
      ['concurrence'],
    ],
    [
      'Failed of passage in House over veto by the Yeas and Nays: 248 - 181.',
      ['veto-override-failure'],
    ],
    ['Passed Senate over veto by Yea-Nay Vote. 81 - 13.', ['veto-override-passage']],
    ['Presented to President.', ['executive-receipt']],
    ['Motion to reconsider laid on the table Agreed to without objection.', []],
  ])('%s', (text, expected) => {
    expect(classifyActionText(text).sort()).toEqual([...expected].sort());
  });
});
