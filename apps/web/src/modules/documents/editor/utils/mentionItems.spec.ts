import { describe, expect, it } from '@jest/globals';
import type { MentionablesDto } from '@coalesce/protocol';
import { filterMentionables } from './mentionItems';

const mentionables: MentionablesDto = {
  people: [
    { id: 'u1', name: 'Maya Hernández', organizationId: 'o1', organizationName: 'Polaris' },
    { id: 'u2', name: 'Jordan Park', organizationId: 'o2', organizationName: 'Northbridge' },
  ],
  organizations: [
    { id: 'o1', name: 'Polaris' },
    { id: 'o2', name: 'Northbridge Legal Aid' },
  ],
};

describe('filterMentionables', () => {
  it('lists people and organizations in one list', () => {
    expect(filterMentionables(mentionables, '').map((i) => `${i.kind}:${i.id}`)).toEqual([
      'user:u1',
      'user:u2',
      'organization:o1',
      'organization:o2',
    ]);
  });

  it('matches name starts before word starts before substrings', () => {
    expect(filterMentionables(mentionables, 'p').map((i) => i.id)).toEqual(['o1', 'u2']);
    expect(filterMentionables(mentionables, 'legal').map((i) => i.label)).toEqual([
      'Northbridge Legal Aid',
    ]);
    expect(filterMentionables(mentionables, 'ern')[0]).toEqual({
      id: 'u1',
      label: 'Maya Hernández',
      kind: 'user',
      detail: 'Polaris',
    });
  });

  it('is empty without mentionables', () => {
    expect(filterMentionables(undefined, 'm')).toEqual([]);
  });
});
