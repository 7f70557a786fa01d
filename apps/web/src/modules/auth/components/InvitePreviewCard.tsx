import { Alert, Text } from '@mantine/core';
import { IconMailOpened } from '@tabler/icons-react';
import type { InvitePreviewDto } from '@coalesce/protocol';
import { formatDate } from '../../../lib/formatDate';
import { roleLabel } from '../../../ui/RoleBadge';

export function InvitePreviewCard({ invite }: { invite: InvitePreviewDto }) {
  return (
    <Alert variant="light" color="indigo" icon={<IconMailOpened />} title="Invitation">
      <Text size="sm">
        You are invited to join <strong>{invite.name}</strong> as{' '}
        {invite.role === 'admin' ? 'an' : 'a'}{' '}
        <strong>{roleLabel(invite.role).toLowerCase()}</strong>.
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        The link is valid until {formatDate(invite.expiresAt)}.
      </Text>
    </Alert>
  );
}
