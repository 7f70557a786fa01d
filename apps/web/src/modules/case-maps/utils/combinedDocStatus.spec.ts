import { describe, expect, it } from '@jest/globals';
import { docStatusLabel } from '../../documents/editor/utils/docStatusLabel';
import { combinedDocStatus } from './combinedDocStatus';

const doc = (status: 'synced' | 'saving' | 'offline' | 'connecting' | 'error', pending = 0) => ({
  status,
  pending,
  lastError: null,
  revoked: false,
});

describe('status of a map made of several documents', () => {
  it('says saved only when every document is saved', () => {
    expect(docStatusLabel(combinedDocStatus([doc('synced'), doc('synced')])).label).toBe(
      'All changes saved',
    );
    expect(docStatusLabel(combinedDocStatus([doc('synced'), doc('saving', 1)])).label).toBe(
      'Saving…',
    );
    expect(docStatusLabel(combinedDocStatus([doc('synced'), doc('synced', 2)])).label).toBe(
      'Saving…',
    );
  });

  it('shows the worst state', () => {
    expect(combinedDocStatus([doc('saving'), doc('offline')]).status).toBe('offline');
    expect(combinedDocStatus([doc('error'), doc('offline')]).status).toBe('error');
    expect(combinedDocStatus([]).status).toBe('connecting');
  });
});
