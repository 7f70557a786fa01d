import { describe, expect, it } from '@jest/globals';
import { docStatusLabel, TOO_LARGE_MESSAGE } from './docStatusLabel';

const base = { pending: 0, lastError: null, revoked: false };

describe('docStatusLabel', () => {
  it('says "All changes saved" only when synced with an empty outbox', () => {
    expect(docStatusLabel({ ...base, status: 'synced' })).toEqual({
      label: 'All changes saved',
      tone: 'ok',
    });
    expect(docStatusLabel({ ...base, status: 'synced', pending: 2 }).label).toBe('Saving…');
  });

  it('says "Saving…" while updates wait for their acks', () => {
    expect(docStatusLabel({ ...base, status: 'saving', pending: 1 })).toEqual({
      label: 'Saving…',
      tone: 'busy',
    });
    expect(docStatusLabel({ ...base, status: 'connecting', pending: 3 }).label).toBe('Saving…');
    expect(docStatusLabel({ ...base, status: 'connecting' }).label).toBe('Connecting…');
  });

  it('says the changes will sync when offline', () => {
    expect(docStatusLabel({ ...base, status: 'offline', pending: 4 })).toEqual({
      label: 'Offline — changes will sync',
      tone: 'offline',
    });
  });

  it('trusts the browser when it reports no network before the socket notices', () => {
    expect(
      docStatusLabel({ ...base, status: 'saving', pending: 1, browserOffline: true }).label,
    ).toBe('Offline — changes will sync');
    expect(docStatusLabel({ ...base, status: 'synced', browserOffline: false }).label).toBe(
      'All changes saved',
    );
  });

  it('explains a refused oversized update', () => {
    const view = docStatusLabel({
      ...base,
      status: 'error',
      lastError: { code: 'PAYLOAD_TOO_LARGE', message: 'Update too large.' },
    });
    expect(view).toEqual({ label: TOO_LARGE_MESSAGE, tone: 'error' });
  });

  it('gives the reason of any other error, and a local refusal first', () => {
    expect(
      docStatusLabel({
        ...base,
        status: 'error',
        lastError: { code: 'INTERNAL', message: 'Database down.' },
      }).label,
    ).toBe('Changes could not be saved: Database down.');
    expect(docStatusLabel({ ...base, status: 'synced', localError: TOO_LARGE_MESSAGE }).label).toBe(
      TOO_LARGE_MESSAGE,
    );
    expect(docStatusLabel({ ...base, status: 'error', revoked: true }).label).toBe(
      'Access to this document was withdrawn',
    );
  });
});
