import { describe, expect, it } from '@jest/globals';
import { MAX_PUBLISHED_SELECTION, readPeers, selectionMarks } from './mapPeers';

describe('awareness of a map', () => {
  it('reads other viewers, drops malformed states and its own', () => {
    const states = new Map<number, unknown>([
      [
        1,
        {
          user: { id: 'me', name: 'Me', organization: 'Polaris', color: '#1c7ed6' },
          selection: ['x'],
        },
      ],
      [
        2,
        {
          user: {
            id: 'u2',
            name: 'Grace Okafor',
            organization: 'Solidarity Center',
            color: '#e8590c',
          },
          cursor: { x: 10.5, y: -3 },
          selection: ['n1', 42, 'n2'],
        },
      ],
      [
        3,
        {
          user: { id: 'u3', name: 'Bad color', color: 'red; background:url(x)' },
          cursor: { x: 'a', y: 1 },
        },
      ],
      [4, { cursor: { x: 1, y: 1 } }],
      [5, null],
    ]);
    const peers = readPeers(states, 1);
    expect(peers.map((p) => p.clientId)).toEqual([2, 3]);
    expect(peers[0]).toEqual({
      clientId: 2,
      user: { id: 'u2', name: 'Grace Okafor', organization: 'Solidarity Center', color: '#e8590c' },
      cursor: { x: 10.5, y: -3 },
      selection: ['n1', 'n2'],
    });
    expect(peers[1].user.color).toBe('#868e96');
    expect(peers[1].cursor).toBeNull();
  });

  it('caps the selection and groups marks per node, once per person', () => {
    const many = Array.from({ length: 80 }, (_, i) => `n${i}`);
    const [peer] = readPeers(
      new Map([[7, { user: { id: 'u', name: 'U', color: '#000000' }, selection: many }]]),
      1,
    );
    expect(peer.selection).toHaveLength(MAX_PUBLISHED_SELECTION);
    const user = (id: string, name: string) => ({ id, name, organization: '', color: '#111111' });
    const marks = selectionMarks([
      { clientId: 1, user: user('a', 'Ann'), cursor: null, selection: ['n1', 'n2'] },
      { clientId: 2, user: user('a', 'Ann'), cursor: null, selection: ['n1'] },
      { clientId: 3, user: user('b', 'Bo'), cursor: null, selection: ['n1'] },
    ]);
    expect(marks.get('n1')?.map((m) => m.name)).toEqual(['Ann', 'Bo']);
    expect(marks.get('n2')?.map((m) => m.name)).toEqual(['Ann']);
  });
});
