import { describe, expect, it } from '@jest/globals';
import { SLUG_PATTERN, slugify } from './slug.js';

describe('slugify', () => {
  it.each([
    ['Polaris Project', 'polaris-project'],
    ['  Solidarity   Center  ', 'solidarity-center'],
    ['HEAL Trafficking', 'heal-trafficking'],
    ['Gulf Coast -- Anti-Trafficking!!', 'gulf-coast-anti-trafficking'],
    ['Fundación Esperanza', 'fundacion-esperanza'],
    ['Ça va, Zoë?', 'ca-va-zoe'],
    ['Coalition 2026', 'coalition-2026'],
    ['---', ''],
    ['日本', ''],
  ])('%j -> %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('keeps at most 60 characters', () => {
    expect(slugify('a'.repeat(100))).toBe('a'.repeat(60));
  });

  it('always produces a slug that SLUG_PATTERN accepts (or nothing)', () => {
    const samples = [
      `${'a'.repeat(59)} bcd`,
      `${'word '.repeat(30)}`,
      `${'ab '.repeat(40)}`,
      'Alliance Against Trafficking (demo)',
      '  -Leading and trailing-  ',
      'Ünïcödé Ørg',
    ];
    for (const text of samples) {
      const slug = slugify(text);
      expect({ text, slug, ok: slug === '' || SLUG_PATTERN.test(slug) }).toEqual({
        text,
        slug,
        ok: true,
      });
      expect(slug.length).toBeLessThanOrEqual(60);
    }
  });
});

describe('SLUG_PATTERN', () => {
  it('accepts lower-case words joined by single dashes only', () => {
    for (const ok of ['a', 'polaris', 'polaris-project', 'a1-b2-c3'])
      expect(SLUG_PATTERN.test(ok)).toBe(true);
    for (const bad of ['', 'Polaris', '-a', 'a-', 'a--b', 'a b', 'a_b', 'ä'])
      expect(SLUG_PATTERN.test(bad)).toBe(false);
  });
});
