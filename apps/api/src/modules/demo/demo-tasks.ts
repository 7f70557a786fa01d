import type { TaskPriority, TaskStatus } from '@coalesce/domain';

/** Demo tasks across organizations: due dates are days from the seeding day (negative: overdue). */
export interface DemoTask {
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  labels: string[];
  /** Organization key of demo-data.ts. */
  assignee: string;
  person?: string;
  createdBy: string;
  group?: string;
  dueInDays?: number;
  links?: Array<{ kind: 'bill' | 'url'; ref: string; title: string }>;
  comments?: Array<{ by: string; body: string }>;
}

export interface DemoClaim {
  targetKind: 'office' | 'bill' | 'task';
  /** For 'task': the title of a demo task. */
  target: string;
  org: string;
  by: string;
  note: string;
  /** Days until it expires (the warning comes a day before). */
  expiresInDays: number;
}

const S3946 = {
  kind: 'url' as const,
  ref: 'https://www.congress.gov/bill/117th-congress/senate-bill/3946',
  title: 'S. 3946 (117th Congress)',
};

export const DEMO_TASKS: DemoTask[] = [
  {
    title: 'Brief Senate Finance staff on forced labor in seafood imports',
    description: 'One-pager on the Tunago No. 61 withhold release order and what it taught us.',
    status: 'in_progress',
    priority: 'high',
    labels: ['hill', 'seafood'],
    assignee: 'solidarity',
    person: 'grace@solidarity.demo',
    createdBy: 'maya@polaris.demo',
    group: 'Supply chains',
    dueInDays: 5,
    comments: [{ by: 'grace@solidarity.demo', body: 'Draft outline is in the shared plan.' }],
  },
  {
    // The near-duplicate of the task above, started by another organization: an overlap alert.
    title: 'Brief Senate Finance staffers on seafood forced labor imports',
    description: 'Talking points for the Finance Committee trade staff.',
    status: 'todo',
    priority: 'medium',
    labels: ['hill'],
    assignee: 'hua',
    person: 'lena@hua.demo',
    createdBy: 'alex@hua.demo',
    group: 'Supply chains',
    dueInDays: 9,
  },
  {
    title: 'Collect survivor testimony consent forms for the reauthorization hearing',
    description: 'Only with a specific, time-limited release for each person.',
    status: 'blocked',
    priority: 'urgent',
    labels: ['hearing', 'survivors'],
    assignee: 'heal',
    person: 'priya@heal.demo',
    createdBy: 'maya@polaris.demo',
    group: 'Survivor services',
    dueInDays: -3,
    comments: [{ by: 'priya@heal.demo', body: 'Blocked until legal reviews the release form.' }],
  },
  {
    title: 'Draft the coalition sign-on letter for S. 3946',
    description: 'Letter to the Judiciary Committee supporting reauthorization.',
    status: 'in_progress',
    priority: 'high',
    labels: ['letter'],
    assignee: 'polaris',
    person: 'daniel@polaris.demo',
    createdBy: 'maya@polaris.demo',
    group: 'Federal policy',
    dueInDays: -1,
    links: [S3946],
  },
  {
    title: 'Gather signatures from member organizations',
    description: 'After the letter is final.',
    status: 'todo',
    priority: 'medium',
    labels: ['letter'],
    assignee: 'polaris',
    createdBy: 'maya@polaris.demo',
    group: 'Federal policy',
    dueInDays: 12,
    links: [S3946],
  },
  {
    title: 'Map cotton cluster ownership for the import ban petition',
    description: 'Sources for every edge; nothing about monitors.',
    status: 'todo',
    priority: 'medium',
    labels: ['research', 'cotton'],
    assignee: 'field',
    createdBy: 'tomas@solidarity.demo',
    group: 'Supply chains',
    dueInDays: -6,
  },
  {
    title: 'Schedule meeting with Rep. Smith district office',
    description: 'Ask about the appropriations line for victim services.',
    status: 'backlog',
    priority: 'low',
    labels: ['hill'],
    assignee: 'hua',
    createdBy: 'alex@hua.demo',
    group: 'Federal policy',
  },
  {
    title: 'Update the hotline referral guide',
    description: 'New state contacts.',
    status: 'done',
    priority: 'medium',
    labels: ['services'],
    assignee: 'polaris',
    person: 'maya@polaris.demo',
    createdBy: 'maya@polaris.demo',
    group: 'Survivor services',
    dueInDays: -10,
  },
];

export const DEMO_CLAIMS: DemoClaim[] = [
  {
    targetKind: 'office',
    target: 'Office of Sen. Ben Ray Luján',
    org: 'hua',
    by: 'lena@hua.demo',
    note: 'Meeting on the CARE Act next week.',
    expiresInDays: 10,
  },
  {
    targetKind: 'office',
    target: 'House Judiciary Committee staff',
    org: 'polaris',
    by: 'daniel@polaris.demo',
    note: 'Sign-on letter delivery.',
    expiresInDays: 1,
  },
  {
    targetKind: 'task',
    target: 'Draft the coalition sign-on letter for S. 3946',
    org: 'polaris',
    by: 'daniel@polaris.demo',
    note: 'We hold the pen.',
    expiresInDays: 14,
  },
];
