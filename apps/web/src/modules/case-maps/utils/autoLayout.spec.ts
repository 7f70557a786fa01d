import { describe, expect, it } from '@jest/globals';
import { autoLayout } from './autoLayout';

describe('automatic layout (dagre)', () => {
  it('lays edges left to right without overlaps, unconnected nodes included', () => {
    const size = { width: 200, height: 80 };
    const positions = autoLayout({
      nodes: ['a', 'b', 'c', 'lonely'].map((id) => ({ id, ...size })),
      edges: [
        { source: 'a', target: 'b' },
        { source: 'a', target: 'c' },
        { source: 'b', target: 'missing' },
      ],
    });
    const at = Object.fromEntries(positions.map((p) => [p.id, p]));
    expect(Object.keys(at).sort()).toEqual(['a', 'b', 'c', 'lonely']);
    expect(at.b.x).toBeGreaterThanOrEqual(at.a.x + size.width);
    expect(at.c.x).toBe(at.b.x);
    for (const p of positions) {
      for (const q of positions) {
        if (p === q) continue;
        const apart = Math.abs(p.x - q.x) >= size.width || Math.abs(p.y - q.y) >= size.height;
        expect(apart).toBe(true);
      }
    }
  });

  it('lays top to bottom on request', () => {
    const [a, b] = autoLayout({
      nodes: [
        { id: 'a', width: 100, height: 50 },
        { id: 'b', width: 100, height: 50 },
      ],
      edges: [{ source: 'a', target: 'b' }],
      direction: 'TB',
    });
    expect(b.y).toBeGreaterThanOrEqual(a.y + 50);
    expect(b.x).toBe(a.x);
  });
});
