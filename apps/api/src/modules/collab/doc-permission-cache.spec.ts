import { describe, expect, it } from '@jest/globals';
import { DocPermissionCache } from './doc-permission-cache.js';

const EDIT = { permission: 'edit' as const, coalitionId: 'c1', layer: null };

describe('DocPermissionCache', () => {
  it('answers until the entry expires and says when it is past half its life', () => {
    const cache = new DocPermissionCache(2000);
    cache.set('org', 'doc', EDIT, cache.generation, 1000);
    expect(cache.get('org', 'doc', 1500)).toMatchObject(EDIT);
    expect(cache.ageing('org', 'doc', 1500)).toBe(false);
    expect(cache.ageing('org', 'doc', 2000)).toBe(true);
    expect(cache.get('org', 'doc', 3000)).toBeUndefined();
  });

  it('does not store an answer looked up before an access change', () => {
    const cache = new DocPermissionCache(2000);
    const before = cache.generation;
    cache.invalidate({ docId: 'doc' });
    cache.set('org', 'doc', EDIT, before);
    expect(cache.get('org', 'doc')).toBeUndefined();
    cache.set('org', 'doc', EDIT, cache.generation);
    expect(cache.get('org', 'doc')).toMatchObject(EDIT);
  });

  it('forgets only the entries an access change matches', () => {
    const cache = new DocPermissionCache(2000);
    cache.set('a', 'doc1', EDIT, cache.generation);
    cache.set('b', 'doc1', EDIT, cache.generation);
    cache.set('a', 'doc2', { ...EDIT, coalitionId: 'c2' }, cache.generation);
    cache.invalidate({ organizationId: 'a', coalitionId: 'c1' });
    expect(cache.get('a', 'doc1')).toBeUndefined();
    expect(cache.get('b', 'doc1')).toBeDefined();
    expect(cache.get('a', 'doc2')).toBeDefined();
  });
});
