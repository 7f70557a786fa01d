import { describe, expect, it } from '@jest/globals';
import { USER_COLORS, initials, userColor } from './userColor';

describe('userColor', () => {
  it('gives the same color for the same user id, every time', () => {
    const id = '5b0c7a4e-1f0a-4c55-9a7e-8a0f3f1d2c11';
    expect(userColor(id)).toBe(userColor(id));
    expect(userColor(`${id}`.slice(0))).toBe(userColor(id));
  });

  it('returns hex colors of the palette and spreads users over it', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `user-${i}-${i * 7919}`);
    const colors = new Set(ids.map(userColor));
    for (const color of colors) {
      expect(color).toMatch(/^#[0-9a-f]{6}$/);
      expect(USER_COLORS).toContain(color);
    }
    expect(colors.size).toBeGreaterThan(6);
  });
});

describe('initials', () => {
  it('takes the first and last names', () => {
    expect(initials('Maya Hernández')).toBe('MH');
    expect(initials('Jordan Lee Park')).toBe('JP');
    expect(initials('cher')).toBe('C');
    expect(initials('  ')).toBe('?');
  });
});
