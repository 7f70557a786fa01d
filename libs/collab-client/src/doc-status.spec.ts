import { docStatus, type DocStatusInput } from './doc-status.js';

const base: DocStatusInput = {
  closed: false,
  errored: false,
  connection: 'connected',
  opened: true,
  pending: 0,
};

describe('docStatus', () => {
  it.each<[Partial<DocStatusInput>, string]>([
    [{}, 'synced'],
    [{ pending: 2 }, 'saving'],
    [{ opened: false }, 'connecting'],
    [{ connection: 'connecting', opened: false }, 'connecting'],
    [{ connection: 'offline', opened: false, pending: 3 }, 'offline'],
    [{ connection: 'auth-failed', opened: false }, 'offline'],
    [{ errored: true, pending: 1 }, 'error'],
    [{ closed: true, errored: true }, 'closed'],
  ])('%j -> %s', (input, expected) => {
    expect(docStatus({ ...base, ...input })).toBe(expected);
  });
});
