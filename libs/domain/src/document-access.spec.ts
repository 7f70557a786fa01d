import { describe, expect, it } from '@jest/globals';
import { RICH_TEXT_DOC_KINDS, canManageDocument, documentPermission } from './document-access.js';

const base = {
  coalitionRole: 'member' as const,
  isOwnerOrg: false,
  isPrivate: false,
  coalitionPermission: 'edit' as const,
  orgPermission: null,
};

describe('document permission', () => {
  it('makes an archived document view-only for everyone, the owner too', () => {
    expect(documentPermission({ ...base, isArchived: true })).toBe('view');
    expect(documentPermission({ ...base, isOwnerOrg: true, isArchived: true })).toBe('view');
    expect(documentPermission({ ...base, coalitionRole: null, isArchived: true })).toBeNull();
    expect(documentPermission({ ...base, isArchived: false })).toBe('edit');
  });

  it('keeps observers at view and comment grants at comment', () => {
    expect(documentPermission({ ...base, coalitionRole: 'observer' })).toBe('view');
    expect(documentPermission({ ...base, coalitionPermission: 'comment' })).toBe('comment');
  });

  it('lets the owner organization (not as observer) or a coordinator manage a document', () => {
    expect(canManageDocument({ coalitionRole: 'member', isOwnerOrg: true })).toBe(true);
    expect(canManageDocument({ coalitionRole: 'member', isOwnerOrg: false })).toBe(false);
    expect(canManageDocument({ coalitionRole: 'observer', isOwnerOrg: true })).toBe(false);
    expect(canManageDocument({ coalitionRole: 'coordinator', isOwnerOrg: false })).toBe(true);
    expect(canManageDocument({ coalitionRole: null, isOwnerOrg: true })).toBe(false);
  });
});

describe('RICH_TEXT_DOC_KINDS', () => {
  it('lists the TipTap kinds, not case maps', () => {
    expect(RICH_TEXT_DOC_KINDS).toEqual(['plan', 'brief', 'letter', 'note']);
  });
});
