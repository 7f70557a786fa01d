import { Fragment } from 'react';
import { Text } from '@mantine/core';
import type { CommentDto } from '@coalesce/protocol';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A comment's text with its `@mentions` set off. */
export function CommentBody({ comment }: { comment: CommentDto }) {
  const names = comment.mentions.map((m) => m.name).filter(Boolean);
  if (names.length === 0) {
    return (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {comment.body}
      </Text>
    );
  }
  const pattern = new RegExp(`(@(?:${names.map(escape).join('|')}))`, 'g');
  const parts = comment.body.split(pattern);
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <span key={index} className="doc-mention">
            {part}
          </span>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </Text>
  );
}
