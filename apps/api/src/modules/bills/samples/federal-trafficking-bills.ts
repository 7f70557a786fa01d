/**
 * Public records of real federal anti-trafficking bills in the Open States v3 bill shape (the
 * importer's JSON format), abridged to facts we could check. `uncertain` notes (an extension the
 * importer ignores) say what a date rests on where sources differ or we inferred it; actions we
 * could not date are left out rather than guessed. Also shipped as docs/samples/bills/*.json and
 * *.csv (a test keeps them identical).
 */
export const FEDERAL_TRAFFICKING_BILLS = [
  {
    jurisdiction: { name: 'US federal', classification: 'country' },
    session: '115',
    identifier: 'H.R. 2200',
    classification: ['bill'],
    from_organization: { classification: 'lower' },
    title:
      'Frederick Douglass Trafficking Victims Prevention and Protection Reauthorization Act of 2017',
    subject: ['Crime and Law Enforcement', 'Human trafficking'],
    first_action_date: '2017-04-27',
    session_ended: true,
    session_end_date: '2019-01-03',
    external_ids: { congress_gov: '115/hr/2200' },
    sources: [
      { url: 'https://www.congress.gov/bill/115th-congress/house-bill/2200', note: 'congress.gov' },
      { url: 'https://www.govinfo.gov/app/details/PLAW-115publ425', note: 'P.L. 115-425' },
    ],
    sponsorships: [
      {
        name: 'Christopher H. Smith',
        primary: true,
        classification: 'primary',
        person: { party: 'Republican', current_role: { district: 'NJ-4' } },
        date: '2017-04-27',
      },
    ],
    actions: [
      {
        date: '2017-04-27',
        description: 'Introduced in House',
        classification: ['introduction'],
        organization: { classification: 'lower', name: 'House' },
      },
      {
        date: '2017-07-12',
        description:
          'Passed/agreed to in House: On motion to suspend the rules and pass the bill, as amended Agreed to by voice vote.',
        classification: ['passage'],
        organization: { classification: 'lower', name: 'House' },
        uncertain: 'Sources give 2017-07-12 and 2017-07-13 for the House vote.',
      },
      {
        date: '2018-12-17',
        description:
          'Passed/agreed to in Senate: Passed Senate with an amendment by Unanimous Consent.',
        classification: ['passage'],
        organization: { classification: 'upper', name: 'Senate' },
      },
      {
        date: '2019-01-08',
        description: 'Signed by President.',
        classification: ['executive-signature'],
        organization: { classification: 'executive', name: 'President' },
      },
      {
        date: '2019-01-08',
        description: 'Became Public Law No: 115-425.',
        classification: ['became-law'],
        organization: { classification: 'executive', name: 'President' },
      },
    ],
  },
  {
    jurisdiction: { name: 'US federal', classification: 'country' },
    session: '117',
    identifier: 'S. 3946',
    classification: ['bill'],
    from_organization: { classification: 'upper' },
    title: 'Abolish Trafficking Reauthorization Act of 2022',
    subject: ['Crime and Law Enforcement', 'Human trafficking'],
    first_action_date: '2022-03-29',
    session_ended: true,
    session_end_date: '2023-01-03',
    external_ids: { congress_gov: '117/s/3946' },
    sources: [
      {
        url: 'https://www.congress.gov/bill/117th-congress/senate-bill/3946',
        note: 'congress.gov',
      },
      { url: 'https://www.govinfo.gov/app/details/PLAW-117publ347', note: 'P.L. 117-347' },
    ],
    sponsorships: [],
    actions: [
      {
        date: '2022-03-29',
        description: 'Introduced in Senate',
        classification: ['introduction'],
        organization: { classification: 'upper', name: 'Senate' },
      },
      {
        date: '2022-12-20',
        description: 'Passed/agreed to in Senate: Passed Senate.',
        classification: ['passage'],
        organization: { classification: 'upper', name: 'Senate' },
      },
      {
        date: '2022-12-22',
        description:
          'Passed/agreed to in House: On motion to suspend the rules and pass the bill Agreed to.',
        classification: ['passage'],
        organization: { classification: 'lower', name: 'House' },
        uncertain: 'Inferred from the House suspension text dated 2022-12-22.',
      },
      {
        date: '2023-01-05',
        description: 'Signed by President.',
        classification: ['executive-signature'],
        organization: { classification: 'executive', name: 'President' },
      },
      {
        date: '2023-01-05',
        description: 'Became Public Law No: 117-347.',
        classification: ['became-law'],
        organization: { classification: 'executive', name: 'President' },
      },
    ],
  },
  {
    jurisdiction: { name: 'US federal', classification: 'country' },
    session: '117',
    identifier: 'S. 3949',
    classification: ['bill'],
    from_organization: { classification: 'upper' },
    title: 'Trafficking Victims Prevention and Protection Reauthorization Act of 2022',
    subject: ['Crime and Law Enforcement', 'Human trafficking'],
    session_ended: true,
    session_end_date: '2023-01-03',
    external_ids: { congress_gov: '117/s/3949' },
    sources: [
      {
        url: 'https://www.congress.gov/bill/117th-congress/senate-bill/3949',
        note: 'congress.gov',
      },
      { url: 'https://www.govinfo.gov/app/details/PLAW-117publ348', note: 'P.L. 117-348' },
    ],
    sponsorships: [],
    actions: [
      {
        date: '2022-12-22',
        description:
          'Passed/agreed to in House: On motion to suspend the rules and pass the bill Agreed to.',
        classification: ['passage'],
        organization: { classification: 'lower', name: 'House' },
        uncertain:
          'The House took it up under suspension on 2022-12-22 (Congressional Record H10013). Introduction and Senate passage dates are not given here because we did not verify them.',
      },
      {
        date: '2023-01-05',
        description: 'Signed by President.',
        classification: ['executive-signature'],
        organization: { classification: 'executive', name: 'President' },
      },
      {
        date: '2023-01-05',
        description: 'Became Public Law No: 117-348.',
        classification: ['became-law'],
        organization: { classification: 'executive', name: 'President' },
      },
    ],
  },
  {
    jurisdiction: { name: 'US federal', classification: 'country' },
    session: '117',
    identifier: 'H.R. 6552',
    classification: ['bill'],
    from_organization: { classification: 'lower' },
    title:
      'Frederick Douglass Trafficking Victims Prevention and Protection Reauthorization Act of 2022',
    subject: ['Crime and Law Enforcement', 'Human trafficking'],
    first_action_date: '2022-02-01',
    session_ended: true,
    session_end_date: '2023-01-03',
    external_ids: { congress_gov: '117/hr/6552' },
    sources: [
      { url: 'https://www.congress.gov/bill/117th-congress/house-bill/6552', note: 'congress.gov' },
    ],
    sponsorships: [
      {
        name: 'Christopher H. Smith',
        primary: true,
        classification: 'primary',
        person: { party: 'Republican', current_role: { district: 'NJ-4' } },
        date: '2022-02-01',
      },
      {
        name: 'Karen Bass',
        primary: false,
        classification: 'cosponsor',
        person: { party: 'Democratic', current_role: { district: 'CA-37' } },
        date: '2022-02-01',
      },
      {
        name: 'Michael T. McCaul',
        primary: false,
        classification: 'cosponsor',
        person: { party: 'Republican', current_role: { district: 'TX-10' } },
        date: '2022-02-01',
      },
    ],
    actions: [
      {
        date: '2022-02-01',
        description: 'Introduced in House',
        classification: ['introduction'],
        organization: { classification: 'lower', name: 'House' },
      },
      {
        date: '2022-02-01',
        description:
          'Referred to the Committee on Foreign Affairs, and in addition to the Committees on Ways and Means, Oversight and Reform, Education and Labor, and the Judiciary.',
        classification: ['referral-committee'],
        organization: { classification: 'lower', name: 'House' },
      },
      {
        date: '2022-07-26',
        description:
          'Passed/agreed to in House: On motion to suspend the rules and pass the bill, as amended Agreed to by the Yeas and Nays: 401 - 20.',
        classification: ['passage'],
        organization: { classification: 'lower', name: 'House' },
      },
      {
        date: '2022-07-27',
        description:
          'Received in the Senate and Read twice and referred to the Committee on Foreign Relations.',
        classification: ['referral-committee'],
        organization: { classification: 'upper', name: 'Senate' },
      },
    ],
  },
];
