import { describe, expect, it } from '@jest/globals';
import type { DocumentDto } from '@coalesce/protocol';
import { documentAbilities } from './documentAbilities';

const doc = (over: Partial<DocumentDto> = {}): DocumentDto => ({
  id: 'd1',
  coalitionId: 'c1',
  ownerOrg: { id: 'own', name: 'Owner' },
  workingGroupId: null,
  kind: 'plan',
  title: 'Plan',
  isPrivate: false,
  coalitionPermission: 'edit',
  shares: [],
  permission: 'edit',
  createdBy: null,
  updatedBy: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  archivedAt: null,
  ...over,
});

describe('documentAbilities', () => {
  it('lets the owner organization manage and edit', () => {
    expect(documentAbilities(doc(), 'own', 'member')).toEqual({
      edit: true,
      comment: true,
      manage: true,
    });
  });

  it('lets another member edit a shared document but not manage it', () => {
    expect(documentAbilities(doc(), 'other', 'member')).toEqual({
      edit: true,
      comment: true,
      manage: false,
    });
  });

  it('lets a coordinator manage what it may only view', () => {
    expect(documentAbilities(doc({ permission: 'view' }), 'other', 'coordinator')).toEqual({
      edit: false,
      comment: false,
      manage: true,
    });
  });

  it('gives commenters comments only', () => {
    expect(documentAbilities(doc({ permission: 'comment' }), 'other', 'member')).toEqual({
      edit: false,
      comment: true,
      manage: false,
    });
  });

  it('makes archived documents read-only, still restorable by the owner', () => {
    const archived = doc({ archivedAt: '2026-02-01T00:00:00Z', permission: 'view' });
    expect(documentAbilities(archived, 'own', 'member')).toEqual({
      edit: false,
      comment: false,
      manage: true,
    });
  });
});
