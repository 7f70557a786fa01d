import { Alert } from '@mantine/core';
import { IconArchive, IconEye, IconMessage } from '@tabler/icons-react';

export type ReadOnlyReason = 'archived' | 'view' | 'comment';

const TEXT: Record<ReadOnlyReason, { title: string; body: string }> = {
  archived: {
    title: 'This document is archived',
    body: 'It is read-only. Restore it from the documents list to edit it again.',
  },
  view: {
    title: 'View only',
    body: 'Your organization can read this document but not change or comment on it.',
  },
  comment: {
    title: 'You can comment',
    body: 'Select text and add a comment; only editors can change the text.',
  },
};

/** Why the editor does not take typing. */
export function ReadOnlyBanner({ reason }: { reason: ReadOnlyReason }) {
  const { title, body } = TEXT[reason];
  const icon =
    reason === 'archived' ? (
      <IconArchive size={18} />
    ) : reason === 'view' ? (
      <IconEye size={18} />
    ) : (
      <IconMessage size={18} />
    );
  return (
    <Alert
      variant="light"
      color={reason === 'archived' ? 'orange' : 'gray'}
      icon={icon}
      title={title}
      data-testid="read-only-banner"
      data-reason={reason}
      py="xs"
    >
      {body}
    </Alert>
  );
}
