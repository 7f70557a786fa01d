import { describe, expect, it } from '@jest/globals';
import { docAbilities, effectivePermission } from './effectivePermission';

describe('effectivePermission', () => {
  it('takes the lower of the REST permission and the engine role', () => {
    expect(effectivePermission('edit', null)).toBe('edit');
    expect(effectivePermission('edit', 'view')).toBe('view');
    expect(effectivePermission('comment', 'edit')).toBe('comment');
  });
});

describe('docAbilities', () => {
  it('lets editors edit and comment', () => {
    expect(docAbilities('edit', false, false)).toEqual({
      canEdit: true,
      canComment: true,
      readOnlyReason: null,
    });
  });

  it('lets commenters comment only, viewers only read', () => {
    expect(docAbilities('comment', false, false)).toMatchObject({
      canEdit: false,
      canComment: true,
    });
    expect(docAbilities('view', false, false)).toMatchObject({ canEdit: false, canComment: false });
  });

  it('makes an archived document read-only for everyone', () => {
    expect(docAbilities('edit', true, false)).toEqual({
      canEdit: false,
      canComment: false,
      readOnlyReason: 'archived',
    });
  });
});
