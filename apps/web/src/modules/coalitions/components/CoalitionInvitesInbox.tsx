import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { formatDate } from '../../../lib/formatDate';
import { isPendingInvite } from '../../../lib/inviteStatus';
import { ErrorState } from '../../../ui/ErrorState';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { RoleBadge } from '../../../ui/RoleBadge';
import { TableSkeleton } from '../../../ui/TableSkeleton';
import { useCoalitionInbox } from '../hooks/useCoalitionInbox';
import { useAcceptCoalitionInvite } from '../hooks/useCoalitionMutations';

/** Coalition invitations addressed to the user's organization, to accept (org admins). */
export function CoalitionInvitesInbox({ emptyText = 'No pending coalition invitations.' }) {
  const inbox = useCoalitionInbox(true);
  const accept = useAcceptCoalitionInvite();
  const navigate = useNavigate();

  if (inbox.isPending) return <TableSkeleton rows={1} label="Loading coalition invitations" />;
  if (inbox.isError) return <ErrorState error={inbox.error} onRetry={() => inbox.refetch()} />;
  const pending = inbox.data.filter((invite) => isPendingInvite(invite));
  if (pending.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  }
  return (
    <Stack gap="sm" aria-label="Coalition invitations">
      {pending.map((invite) => (
        <Paper key={invite.id} withBorder p="md" radius="md">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Stack gap={2}>
              <Group gap="xs">
                <Text fw={600}>{invite.coalition.name}</Text>
                <RoleBadge role={invite.role} />
              </Group>
              <Text size="xs" c="dimmed">
                Invited {formatDate(invite.createdAt)} · valid until {formatDate(invite.expiresAt)}
              </Text>
            </Stack>
            <Button
              loading={
                accept.isPending &&
                accept.variables &&
                'inviteId' in accept.variables &&
                accept.variables.inviteId === invite.id
              }
              onClick={() =>
                accept.mutate(
                  { inviteId: invite.id },
                  {
                    onSuccess: ({ coalitionId }) => {
                      notifySuccess(`Your organization joined ${invite.coalition.name}.`);
                      navigate(`/c/${coalitionId}`);
                    },
                    onError: notifyError,
                  },
                )
              }
            >
              Accept
            </Button>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
