import type { MapEdgeType, MapNodeType, MapSensitivity, PersonRole } from '@coalesce/domain';

/**
 * Two demo case maps. Government agencies, international organizations, the vessel, the law and the
 * coalitions are public facts (DOMAIN.md); every importer, person, testimony and recruiter is
 * synthetic and says so in its name. The restricted and private nodes belong to demo organizations,
 * so signing in as another organization shows the redaction (stubs, and nothing at all).
 */
export interface DemoMapNode {
  key: string;
  /** Organization key of demo-data.ts that holds the node, and the person who added it. */
  org: string;
  author: string;
  type: MapNodeType;
  sensitivity?: MapSensitivity;
  name: string;
  description?: string;
  tags?: string[];
  role?: PersonRole;
  country?: string;
  startDate?: string;
  identifiers?: Array<{ key: string; value: string }>;
  x: number;
  y: number;
}

export interface DemoMapEdge {
  from: string;
  to: string;
  org: string;
  author: string;
  type: MapEdgeType;
  label?: string;
  evidenceUrl?: string;
  startDate?: string;
  /** Private edges stay in the organization's layer (always so when they touch a private node). */
  sensitivity?: 'shared' | 'private';
}

export interface DemoMap {
  title: string;
  owner: string;
  author: string;
  workingGroup: string;
  nodes: DemoMapNode[];
  edges: DemoMapEdge[];
  /** Organizations a layer owner lets read its layer (owner org key → granted org keys). */
  grants?: Array<{ owner: string; to: string; by: string }>;
  /** A pending request for a restricted node (its owner's people are notified). */
  requests?: Array<{ node: string; by: string; org: string; message: string }>;
}

const CBP = 'https://www.cbp.gov/trade/forced-labor';
const ILAB = 'https://www.dol.gov/agencies/ilab';

export const DEMO_MAPS: DemoMap[] = [
  {
    title: 'Fishing supply chain: forced labor case',
    owner: 'solidarity',
    author: 'grace@solidarity.demo',
    workingGroup: 'Supply chains',
    nodes: [
      {
        key: 'case',
        org: 'solidarity',
        author: 'grace@solidarity.demo',
        type: 'case',
        name: 'Tuna from the Tunago No. 61',
        description:
          'US Customs and Border Protection issued a Withhold Release Order on tuna harvested by the fishing vessel Tunago No. 61 on 2019-02-04 (public). Everything about the importer and the crew on this map is synthetic.',
        tags: ['forced-labor', 'fishing', 'seafood', 'withhold-release-order', 'import-ban'],
        startDate: '2019-02-04',
        x: 0,
        y: 0,
      },
      {
        key: 'vessel',
        org: 'solidarity',
        author: 'grace@solidarity.demo',
        type: 'vessel',
        name: 'Tunago No. 61',
        description: 'Distant-water fishing vessel named in the 2019 Withhold Release Order.',
        tags: ['fishing', 'withhold-release-order'],
        startDate: '2019-02-04',
        x: -320,
        y: 0,
      },
      {
        key: 'cbp',
        org: 'solidarity',
        author: 'grace@solidarity.demo',
        type: 'organization',
        name: 'U.S. Customs and Border Protection',
        description: 'Issues Withhold Release Orders on goods made with forced labor.',
        country: 'US',
        x: 0,
        y: -260,
      },
      {
        key: 'law',
        org: 'solidarity',
        author: 'grace@solidarity.demo',
        type: 'jurisdiction',
        name: 'United States: Section 307 of the Tariff Act of 1930',
        description: 'Prohibits importing goods made wholly or in part with forced labor.',
        country: 'US',
        identifiers: [{ key: 'U.S. Code', value: '19 U.S.C. 1307' }],
        x: 320,
        y: -260,
      },
      {
        key: 'importer',
        org: 'hua',
        author: 'alex@hua.demo',
        type: 'business',
        name: 'Pacific Harbor Seafood Imports (synthetic)',
        description: 'Synthetic importer of record, for the demo.',
        tags: ['seafood', 'supply-chain'],
        country: 'US',
        x: 320,
        y: 0,
      },
      {
        key: 'solidarity-org',
        org: 'solidarity',
        author: 'grace@solidarity.demo',
        type: 'organization',
        name: 'Solidarity Center',
        description: 'Demo role: shares information on the crew’s working conditions.',
        x: -320,
        y: 260,
      },
      {
        key: 'hua-org',
        org: 'hua',
        author: 'alex@hua.demo',
        type: 'organization',
        name: 'Humanity United Action',
        description: 'Demo role: follows enforcement of the import ban.',
        x: 0,
        y: 260,
      },
      {
        key: 'field-org',
        org: 'field',
        author: 'rosa@gulfcoast.demo',
        type: 'organization',
        name: 'Gulf Coast Worker Project (fictional)',
        description: 'Demo role: supports crew members in port.',
        x: 320,
        y: 260,
      },
      {
        key: 'survivor',
        org: 'field',
        author: 'rosa@gulfcoast.demo',
        type: 'person',
        sensitivity: 'restricted',
        role: 'survivor',
        name: 'Crew member R.D. (synthetic)',
        description:
          'Synthetic survivor: held restricted by the Gulf Coast Worker Project; other organizations see only that a person node exists and who holds it.',
        tags: ['forced-labor', 'debt-bondage', 'document-retention'],
        x: -320,
        y: -260,
      },
      {
        key: 'witness',
        org: 'field',
        author: 'rosa@gulfcoast.demo',
        type: 'person',
        sensitivity: 'private',
        role: 'witness',
        name: 'Deckhand witness (synthetic)',
        description:
          'Synthetic private witness: only the Gulf Coast Worker Project sees this node.',
        x: -560,
        y: -130,
      },
      {
        key: 'recruiter',
        org: 'solidarity',
        author: 'tomas@solidarity.demo',
        type: 'business',
        sensitivity: 'restricted',
        name: 'Manning agency (synthetic)',
        description: 'Synthetic recruitment agency that charged crew placement fees.',
        tags: ['labor-recruitment-fees'],
        x: -560,
        y: 130,
      },
    ],
    edges: [
      {
        from: 'cbp',
        to: 'case',
        org: 'solidarity',
        author: 'grace@solidarity.demo',
        type: 'investigates',
        label: 'Withhold Release Order',
        evidenceUrl: CBP,
        startDate: '2019-02-04',
      },
      {
        from: 'law',
        to: 'cbp',
        org: 'solidarity',
        author: 'grace@solidarity.demo',
        type: 'related',
        label: 'legal basis',
      },
      {
        from: 'vessel',
        to: 'case',
        org: 'solidarity',
        author: 'grace@solidarity.demo',
        type: 'related',
        label: 'tuna harvested by',
      },
      {
        from: 'vessel',
        to: 'importer',
        org: 'hua',
        author: 'alex@hua.demo',
        type: 'supplies',
        label: 'tuna (synthetic trade link)',
      },
      {
        from: 'solidarity-org',
        to: 'case',
        org: 'solidarity',
        author: 'grace@solidarity.demo',
        type: 'assists',
      },
      { from: 'hua-org', to: 'case', org: 'hua', author: 'alex@hua.demo', type: 'assists' },
      {
        from: 'field-org',
        to: 'case',
        org: 'field',
        author: 'rosa@gulfcoast.demo',
        type: 'assists',
      },
      {
        from: 'survivor',
        to: 'vessel',
        org: 'field',
        author: 'rosa@gulfcoast.demo',
        type: 'employed',
        label: 'deckhand (synthetic)',
        sensitivity: 'private',
      },
      {
        from: 'witness',
        to: 'vessel',
        org: 'field',
        author: 'rosa@gulfcoast.demo',
        type: 'employed',
      },
      {
        from: 'recruiter',
        to: 'survivor',
        org: 'solidarity',
        author: 'tomas@solidarity.demo',
        type: 'recruited',
        sensitivity: 'private',
      },
    ],
    grants: [{ owner: 'field', to: 'solidarity', by: 'rosa@gulfcoast.demo' }],
    requests: [
      {
        node: 'survivor',
        by: 'lena@hua.demo',
        org: 'hua',
        message: 'We are preparing a briefing on the crew; could we see this record?',
      },
    ],
  },
  {
    title: 'Cotton sector: forced labor monitoring',
    owner: 'hua',
    author: 'alex@hua.demo',
    workingGroup: 'Supply chains',
    nodes: [
      {
        key: 'sector',
        org: 'hua',
        author: 'alex@hua.demo',
        type: 'case',
        name: 'Forced labor in the Uzbek cotton harvest',
        description:
          'State-imposed forced labor in the cotton harvest, monitored by the ILO with the World Bank and by independent monitors; the Cotton Campaign has campaigned on it since 2007.',
        tags: ['forced-labor', 'state-imposed-forced-labor', 'cotton', 'child-labor'],
        country: 'UZ',
        x: 0,
        y: 0,
      },
      {
        key: 'uzbekistan',
        org: 'hua',
        author: 'alex@hua.demo',
        type: 'jurisdiction',
        name: 'Uzbekistan',
        country: 'UZ',
        x: 0,
        y: -260,
      },
      {
        key: 'government',
        org: 'hua',
        author: 'alex@hua.demo',
        type: 'organization',
        name: 'Government of Uzbekistan',
        description: 'Sets cotton production and labor policy.',
        country: 'UZ',
        x: 320,
        y: -260,
      },
      {
        key: 'clusters',
        org: 'hua',
        author: 'alex@hua.demo',
        type: 'business',
        name: 'Cotton “clusters”',
        description: 'Vertically integrated cotton and textile companies that run the harvest.',
        tags: ['cotton', 'supply-chain'],
        country: 'UZ',
        x: 320,
        y: 0,
      },
      {
        key: 'ilo',
        org: 'hua',
        author: 'alex@hua.demo',
        type: 'organization',
        name: 'International Labour Organization (ILO)',
        description: 'Third-party monitoring of the cotton harvest.',
        x: -320,
        y: -260,
      },
      {
        key: 'world-bank',
        org: 'hua',
        author: 'alex@hua.demo',
        type: 'organization',
        name: 'World Bank',
        description: 'Agricultural projects in the sector; partner of the ILO monitoring.',
        x: -320,
        y: -90,
      },
      {
        key: 'cotton-campaign',
        org: 'solidarity',
        author: 'grace@solidarity.demo',
        type: 'organization',
        name: 'Cotton Campaign',
        description:
          'Coalition of rights groups, unions, brand associations, investors and academics (since 2007).',
        x: -320,
        y: 90,
      },
      {
        key: 'monitors',
        org: 'solidarity',
        author: 'grace@solidarity.demo',
        type: 'organization',
        name: 'Independent harvest monitors',
        description: 'Civil-society monitors who document the harvest, often at personal risk.',
        x: -320,
        y: 260,
      },
      {
        key: 'brands',
        org: 'hua',
        author: 'lena@hua.demo',
        type: 'organization',
        name: 'Brands that signed the Cotton Pledge',
        description: 'Brands and retailers pledging not to source the cotton knowingly.',
        tags: ['cotton', 'garments', 'supply-chain'],
        x: 640,
        y: 0,
      },
      {
        key: 'ilab',
        org: 'hua',
        author: 'alex@hua.demo',
        type: 'organization',
        name: 'U.S. Department of Labor, Bureau of International Labor Affairs (ILAB)',
        description: 'Publishes the List of Goods Produced by Child Labor or Forced Labor.',
        country: 'US',
        x: 320,
        y: 260,
      },
      {
        key: 'cbp',
        org: 'hua',
        author: 'alex@hua.demo',
        type: 'organization',
        name: 'U.S. Customs and Border Protection',
        description: 'Enforces the ban on imports made with forced labor (19 U.S.C. 1307).',
        country: 'US',
        x: 640,
        y: 260,
      },
      {
        key: 'monitor-person',
        org: 'solidarity',
        author: 'tomas@solidarity.demo',
        type: 'person',
        sensitivity: 'restricted',
        role: 'witness',
        name: 'Harvest monitor M-4 (synthetic)',
        description:
          'Synthetic monitor whose identity is held restricted by Solidarity Center for their safety.',
        x: -640,
        y: 260,
      },
      {
        key: 'testimony',
        org: 'hua',
        author: 'lena@hua.demo',
        type: 'person',
        sensitivity: 'private',
        role: 'survivor',
        name: 'Picker testimony T-12 (synthetic)',
        description: 'Synthetic testimony only Humanity United Action sees.',
        x: 0,
        y: 260,
      },
    ],
    edges: [
      { from: 'government', to: 'sector', org: 'hua', author: 'alex@hua.demo', type: 'related' },
      {
        from: 'government',
        to: 'uzbekistan',
        org: 'hua',
        author: 'alex@hua.demo',
        type: 'represents',
      },
      {
        from: 'clusters',
        to: 'brands',
        org: 'hua',
        author: 'lena@hua.demo',
        type: 'supplies',
        label: 'cotton and yarn',
      },
      {
        from: 'clusters',
        to: 'sector',
        org: 'hua',
        author: 'alex@hua.demo',
        type: 'related',
      },
      {
        from: 'ilo',
        to: 'sector',
        org: 'hua',
        author: 'alex@hua.demo',
        type: 'investigates',
        label: 'third-party monitoring',
      },
      {
        from: 'world-bank',
        to: 'ilo',
        org: 'hua',
        author: 'alex@hua.demo',
        type: 'related',
        label: 'monitoring partner',
      },
      {
        from: 'cotton-campaign',
        to: 'sector',
        org: 'solidarity',
        author: 'grace@solidarity.demo',
        type: 'investigates',
        evidenceUrl: 'https://www.cottoncampaign.org',
      },
      {
        from: 'monitors',
        to: 'sector',
        org: 'solidarity',
        author: 'grace@solidarity.demo',
        type: 'investigates',
      },
      {
        from: 'ilab',
        to: 'sector',
        org: 'hua',
        author: 'alex@hua.demo',
        type: 'investigates',
        label: 'List of Goods',
        evidenceUrl: ILAB,
      },
      {
        from: 'cbp',
        to: 'brands',
        org: 'hua',
        author: 'alex@hua.demo',
        type: 'related',
        label: 'import enforcement',
      },
      {
        from: 'monitor-person',
        to: 'monitors',
        org: 'solidarity',
        author: 'tomas@solidarity.demo',
        type: 'represents',
        sensitivity: 'private',
      },
      {
        from: 'testimony',
        to: 'clusters',
        org: 'hua',
        author: 'lena@hua.demo',
        type: 'employed',
        label: 'harvest work (synthetic)',
      },
    ],
  },
];
