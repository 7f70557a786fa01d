import { describe, expect, it } from '@jest/globals';
import { findMentionQuery, insertMention, mentionsInBody } from './mentionQuery';
import type { MentionItem } from './mentionItems';

const maya: MentionItem = { id: 'u1', label: 'Maya Hernández', kind: 'user', detail: 'Polaris' };
const polaris: MentionItem = { id: 'o1', label: 'Polaris', kind: 'organization', detail: '' };

describe('findMentionQuery', () => {
  it('finds the @query before the caret', () => {
    expect(findMentionQuery('Ask @ma', 7)).toEqual({ start: 4, query: 'ma' });
    expect(findMentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(findMentionQuery('Ask @Maya He', 12)).toEqual({ start: 4, query: 'Maya He' });
  });

  it('ignores e-mail addresses and finished mentions', () => {
    expect(findMentionQuery('mail maya@polaris.demo', 22)).toBeNull();
    expect(findMentionQuery('@Maya Hernández thanks', 22)).toBeNull();
  });
});

describe('insertMention', () => {
  it('replaces the query with the label and a space', () => {
    const text = 'Ask @ma about it';
    expect(insertMention(text, { start: 4, query: 'ma' }, 7, maya)).toEqual({
      text: 'Ask @Maya Hernández about it',
      caret: 20,
    });
  });
});

describe('mentionsInBody', () => {
  it('keeps the picked mentions still in the text, once each', () => {
    expect(mentionsInBody('@Maya Hernández and @Maya Hernández', [maya, maya, polaris])).toEqual([
      { kind: 'user', id: 'u1' },
    ]);
  });
});
