import type { CoalitionRole, FocusArea, OrgRole } from '@coalesce/domain';

/**
 * Demo coalition modelled on public facts about US anti-trafficking alliances (an alliance of about
 * a dozen member organizations of very different size and focus, founded 2009). Organization names
 * are of public organizations; every person and email below is fictional.
 */
export const DEMO_PASSWORD = 'Demo-Coalition-2026';

export interface DemoOrg {
  key: string;
  name: string;
  slug: string;
  country: string;
  focusAreas: FocusArea[];
  website: string | null;
  description: string;
  coalitionRole: CoalitionRole;
  people: Array<{ name: string; email: string; orgRole: OrgRole; title: string }>;
}

export const DEMO_COALITION = {
  name: 'Alliance Against Trafficking (demo)',
  slug: 'alliance-demo',
  description:
    'Demo coalition of US anti-trafficking organizations coordinating federal advocacy (reauthorizations of the Trafficking Victims Protection Act), survivor services and supply-chain work. People in this demo are fictional.',
};

export const DEMO_ORGS: DemoOrg[] = [
  {
    key: 'polaris',
    name: 'Polaris',
    slug: 'polaris',
    country: 'US',
    focusAreas: ['protection', 'research', 'policy-advocacy', 'survivor-services'],
    website: 'https://polarisproject.org',
    description: 'Operates a national hotline and uses its data to advocate for systemic change.',
    coalitionRole: 'coordinator',
    people: [
      {
        name: 'Maya Ortiz',
        email: 'maya@polaris.demo',
        orgRole: 'admin',
        title: 'Coalition coordinator',
      },
      {
        name: 'Daniel Reyes',
        email: 'daniel@polaris.demo',
        orgRole: 'member',
        title: 'Data analyst',
      },
    ],
  },
  {
    key: 'solidarity',
    name: 'Solidarity Center',
    slug: 'solidarity-center',
    country: 'US',
    focusAreas: ['labor-rights', 'migration', 'policy-advocacy'],
    website: 'https://www.solidaritycenter.org',
    description:
      'Worker rights organization working with unions on forced labor in global supply chains.',
    coalitionRole: 'coordinator',
    people: [
      {
        name: 'Grace Okafor',
        email: 'grace@solidarity.demo',
        orgRole: 'admin',
        title: 'Policy director',
      },
      {
        name: 'Tomas Lindqvist',
        email: 'tomas@solidarity.demo',
        orgRole: 'member',
        title: 'Lobbyist',
      },
    ],
  },
  {
    key: 'heal',
    name: 'HEAL Trafficking',
    slug: 'heal-trafficking',
    country: 'US',
    focusAreas: ['protection', 'prevention', 'research'],
    website: 'https://healtrafficking.org',
    description:
      'Network of health professionals addressing trafficking through a public health lens.',
    coalitionRole: 'member',
    people: [
      {
        name: 'Priya Natarajan',
        email: 'priya@heal.demo',
        orgRole: 'admin',
        title: 'Program lead',
      },
      { name: 'Sam Whitaker', email: 'sam@heal.demo', orgRole: 'member', title: 'Researcher' },
    ],
  },
  {
    key: 'hua',
    name: 'Humanity United Action',
    slug: 'humanity-united-action',
    country: 'US',
    focusAreas: ['policy-advocacy', 'labor-rights'],
    website: 'https://humanityunitedaction.org',
    description: 'Advocates for US policies that end forced labor and human trafficking.',
    coalitionRole: 'member',
    people: [
      {
        name: 'Alex Morgan',
        email: 'alex@hua.demo',
        orgRole: 'admin',
        title: 'Government relations',
      },
      { name: 'Lena Fischer', email: 'lena@hua.demo', orgRole: 'member', title: 'Lobbyist' },
    ],
  },
  {
    key: 'field',
    name: 'Gulf Coast Worker Project (fictional)',
    slug: 'gulf-coast-worker-project',
    country: 'US',
    focusAreas: ['survivor-services', 'labor-rights', 'migration'],
    website: null,
    description: 'Fictional field organization supporting fishing and seafood-processing workers.',
    coalitionRole: 'member',
    people: [
      {
        name: 'Rosa Delgado',
        email: 'rosa@gulfcoast.demo',
        orgRole: 'admin',
        title: 'Field coordinator',
      },
    ],
  },
  {
    key: 'funder',
    name: 'Northbridge Foundation (fictional)',
    slug: 'northbridge-foundation',
    country: 'US',
    focusAreas: ['partnership'],
    website: null,
    description: 'Fictional funder following the coalition as an observer.',
    coalitionRole: 'observer',
    people: [
      {
        name: 'Jordan Blake',
        email: 'jordan@northbridge.demo',
        orgRole: 'admin',
        title: 'Program officer',
      },
    ],
  },
];

/** An organization outside the coalition, to try the invitation flow. */
export const DEMO_OUTSIDE_ORG: DemoOrg = {
  key: 'outside',
  name: 'Cotton Monitors Network (fictional)',
  slug: 'cotton-monitors-network',
  country: 'UZ',
  focusAreas: ['labor-rights', 'research'],
  website: null,
  description: 'Fictional network of independent monitors of forced labor in cotton harvests.',
  coalitionRole: 'member',
  people: [
    {
      name: 'Dilnoza Karimova',
      email: 'dilnoza@monitors.demo',
      orgRole: 'admin',
      title: 'Coordinator',
    },
  ],
};

export const DEMO_WORKING_GROUPS = [
  {
    name: 'Federal policy',
    description: 'TVPA reauthorization, appropriations and Hill meetings.',
    orgs: ['polaris', 'solidarity', 'hua', 'heal'],
  },
  {
    name: 'Supply chains',
    description: 'Forced labor in seafood and cotton supply chains; import bans.',
    orgs: ['solidarity', 'hua', 'field'],
  },
  {
    name: 'Survivor services',
    description: 'Services, health care and survivor-informed practice.',
    orgs: ['polaris', 'heal', 'field'],
  },
];
