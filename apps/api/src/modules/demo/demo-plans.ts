import {
  bold,
  bulletList,
  doc,
  heading,
  italic,
  link,
  paragraph,
  table,
  taskList,
} from '@coalesce/domain';
import type { DocKind, RichTextNode } from '@coalesce/domain';

/**
 * Demo documents shaped like the templates, written from public facts (DOMAIN.md): the TVPA and
 * its reauthorizations, the Uyghur Forced Labor Prevention Act, the Cotton Campaign. Plans,
 * owners, dates to come and comments are illustrative; people are fictional.
 */
export interface DemoComment {
  /** Email of the demo author. */
  author: string;
  body: string;
  /** Emails of mentioned demo people. */
  mentions?: string[];
}

export interface DemoThread {
  /** Text in the document the thread is anchored to (its first occurrence). */
  quote: string;
  comments: DemoComment[];
  resolvedBy?: string;
}

export interface DemoPlan {
  title: string;
  kind: DocKind;
  /** Key of the owner organization in DEMO_ORGS. */
  owner: string;
  /** Email of the person who wrote it. */
  author: string;
  workingGroup: string;
  /** An earlier draft, kept as an automatic checkpoint. */
  draft: RichTextNode;
  /** The current content, also saved as a named version. */
  content: RichTextNode;
  versionName: string;
  threads: DemoThread[];
}

const tvpaIntro = [
  heading(1, 'TVPA reauthorization: coalition lobbying plan'),
  heading(2, 'Goal'),
  paragraph(
    'Enact the next reauthorization of the ',
    bold('Trafficking Victims Protection Act'),
    ' (first enacted as P.L. 106-386 on 2000-10-28; reauthorized in 2003, 2005, 2008, 2019 and, most recently, by P.L. 117-347 and P.L. 117-348 in January 2023).',
  ),
  heading(2, 'The ask'),
  paragraph(
    'Cosponsor and move a reauthorization that builds on ',
    link('H.R. 5856', 'https://www.congress.gov/bill/118th-congress/house-bill/5856'),
    ' (118th Congress), which passed the House 414-11 on 2024-02-13, and keep the survivor-services and labor-trafficking provisions intact.',
  ),
];

const tvpaTargets = [
  heading(2, 'Targets and their offices'),
  table(
    ['Target', 'Office / committee', 'Staff contact', 'Current position'],
    [
      'Rep. Christopher H. Smith (R-NJ)',
      'Sponsor of H.R. 2200 (P.L. 115-425)',
      'to confirm',
      'Champion',
    ],
    ['House Foreign Affairs Committee', 'Majority and minority staff', 'to confirm', 'Unknown'],
    ['Senate Judiciary Committee', 'Majority and minority staff', 'to confirm', 'Unknown'],
  ),
  heading(2, 'Allies and opposition'),
  bulletList(
    'Allies: survivor-led groups, labor unions, faith networks that signed earlier letters',
    'Opposition: none on record against reauthorization; watch for riders on unrelated issues',
    'Undecided: new members of the committees of jurisdiction',
  ),
];

const tvpaRest = [
  heading(2, 'Timeline'),
  table(
    ['When', 'Milestone', 'Owner'],
    ['Week 1', 'Agree the ask and one-pager', 'Polaris'],
    ['Weeks 2–4', 'Hill meetings with committee staff', 'Humanity United Action'],
    ['Week 5', 'Sign-on letter circulates', 'Solidarity Center'],
  ),
  heading(2, 'Owners per organization'),
  table(
    ['Organization', 'Responsible for', 'Person'],
    ['Polaris', 'Hotline data on survivors’ needs', 'Maya Ortiz'],
    ['Solidarity Center', 'Labor trafficking provisions', 'Tomas Lindqvist'],
    ['HEAL Trafficking', 'Health care provisions', 'Priya Natarajan'],
    ['Humanity United Action', 'Senate outreach', 'Lena Fischer'],
  ),
  heading(2, 'Risks'),
  bulletList(
    'Floor time runs out before the session ends',
    'Two member organizations meet the same office in the same week (log every meeting here)',
  ),
  heading(2, 'Success measures'),
  taskList(
    { text: 'One-pager agreed by all owners', done: true },
    { text: 'Meetings held with both committees of jurisdiction' },
    { text: 'Bill introduced with bipartisan cosponsors' },
  ),
];

const cottonIntro = [
  heading(1, 'Forced labor in cotton supply chains: campaign plan'),
  heading(2, 'Goal'),
  paragraph(
    'Full enforcement of the ',
    bold('Uyghur Forced Labor Prevention Act'),
    ' (P.L. 117-78, signed 2021-12-23) and of the import ban on goods made with forced labor, so that cotton picked or processed with forced labor does not reach US shelves.',
  ),
  heading(2, 'The ask'),
  paragraph(
    'Ask the agencies that enforce import bans to publish how they review cotton imports, and ask brands to map their supply chains down to the gin.',
  ),
];

const cottonRest = [
  heading(2, 'Targets and their offices'),
  table(
    ['Target', 'Office / committee', 'Staff contact', 'Current position'],
    ['U.S. Customs and Border Protection', 'Forced labor enforcement', 'to confirm', 'Enforcing'],
    ['Apparel brands', 'Sourcing and compliance teams', 'to confirm', 'Mixed'],
  ),
  heading(2, 'Allies and opposition'),
  bulletList(
    'Allies: the Cotton Campaign (since 2007: rights NGOs, independent unions, brand associations, investors, academics)',
    'Opposition: importers who rely on opaque yarn and fabric suppliers',
  ),
  heading(2, 'Timeline'),
  paragraph(
    italic('Precedent to cite: '),
    'the withhold release order of 2019-02-04 against tuna from the fishing vessel Tunago No. 61 shows that import bans can target a single supplier.',
  ),
  heading(2, 'Owners per organization'),
  table(
    ['Organization', 'Responsible for', 'Person'],
    ['Solidarity Center', 'Union partners and worker testimony', 'Grace Okafor'],
    ['Humanity United Action', 'Brand and investor outreach', 'Alex Morgan'],
    ['Gulf Coast Worker Project (fictional)', 'Field monitoring', 'Rosa Delgado'],
  ),
  heading(2, 'Risks'),
  bulletList(
    'Field monitors in Uzbekistan and Turkmenistan work at personal risk: never name them in shared documents',
  ),
  heading(2, 'Success measures'),
  taskList(
    { text: 'Enforcement statistics for cotton published' },
    { text: 'Three brands publish supplier lists' },
  ),
];

export const DEMO_PLANS: DemoPlan[] = [
  {
    title: 'TVPA reauthorization: coalition lobbying plan',
    kind: 'plan',
    owner: 'polaris',
    author: 'maya@polaris.demo',
    workingGroup: 'Federal policy',
    draft: doc(...tvpaIntro, ...tvpaTargets),
    content: doc(...tvpaIntro, ...tvpaTargets, ...tvpaRest),
    versionName: 'Shared with the Federal policy group',
    threads: [
      {
        quote: 'Senate Judiciary Committee',
        comments: [
          {
            author: 'grace@solidarity.demo',
            body: '@Tomas Lindqvist can you find out which Judiciary staff worked on the 2022 reauthorizations?',
            mentions: ['tomas@solidarity.demo'],
          },
          {
            author: 'tomas@solidarity.demo',
            body: 'On it. I will add the names after our meeting next week.',
          },
        ],
      },
      {
        quote: 'One-pager agreed by all owners',
        comments: [{ author: 'lena@hua.demo', body: 'Agreed on our side, ticked.' }],
        resolvedBy: 'maya@polaris.demo',
      },
    ],
  },
  {
    title: 'Cotton supply chains: forced labor campaign',
    kind: 'plan',
    owner: 'solidarity',
    author: 'grace@solidarity.demo',
    workingGroup: 'Supply chains',
    draft: doc(...cottonIntro),
    content: doc(...cottonIntro, ...cottonRest),
    versionName: 'Before the brand outreach',
    threads: [
      {
        quote: 'never name them in shared documents',
        comments: [
          {
            author: 'rosa@gulfcoast.demo',
            body: 'Thank you. Monitor reports stay in our private case map layer.',
          },
        ],
      },
    ],
  },
];
