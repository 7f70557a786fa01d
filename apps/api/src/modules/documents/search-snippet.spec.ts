import { describe, expect, it } from '@jest/globals';
import { snippetAround } from './search-snippet.js';

describe('search snippet', () => {
  it('cuts around the match at word boundaries', () => {
    const text = `${'lorem ipsum '.repeat(20)}the Uyghur Forced Labor Prevention Act ${'dolor sit '.repeat(20)}`;
    const s = snippetAround(text, 'forced labor')!;
    expect(s).toContain('Uyghur Forced Labor Prevention');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBeLessThan(150);
  });

  it('is null without a match and whole for short text', () => {
    expect(snippetAround('nothing here', 'cotton')).toBeNull();
    expect(snippetAround('Cotton\ncampaign', 'cotton')).toBe('Cotton campaign');
  });
});
