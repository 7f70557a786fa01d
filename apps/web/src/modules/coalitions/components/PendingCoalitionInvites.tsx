import { useState } from 'react';
import { Button, Table, Text } from '@mantine/core';
import type { CoalitionInviteDto } from '@coalesce/protocol';
import { formatDate, formatRelative } from '../../../lib/formatDate';
import { isPendingInvite } from '../../../lib/inviteStatus';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { ErrorState } from '../../../ui/ErrorState';
import { notifySuccess } from '../../../ui/notify';
import { RoleBadge } from '../../../ui/RoleBadge';
import { TableSkeleton } from '../../../ui/TableSkeleton';
import { useCoalitionInvites } from '../hooks/useCoalitionInvites';
import { useRevokeCoalitionInvite } from '../hooks/useCoalitionMutations';

/** Invitations of the coalition that are still waiting to be accepted (coordinators). */
export function PendingCoalitionInvites({ coalitionId }: { coalitionId: string }) {
  const invites = useCoalitionInvites(coalitionId, true);
  const revoke = useRevokeCoalitionInvite(coalitionId);
  const [revoking, setRevoking] = useState<CoalitionInviteDto | null>(null);

  if (invites.isPending) return <TableSkeleton rows={2} label="Loading invitations" />;
  if (invites.isError)
    return <ErrorState error={invites.error} onRetry={() => invites.refetch()} />;
  const pending = invites.data.filter((invite) => isPendingInvite(invite));
  if (pending.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No pending invitations.
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs" aria-label="Pending invitations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Organization</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pending.map((invite) => (
              <Table.Tr key={invite.id}>
                <Table.Td>
                  <Text size="sm">{invite.organization.name}</Text>
                </Table.Td>
                <Table.Td>
                  <RoleBadge role={invite.role} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={formatDate(invite.expiresAt)}>
                    {formatRelative(invite.expiresAt)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setRevoking(invite)}
                  >
                    Revoke
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmModal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title="Revoke invitation"
        confirmLabel="Revoke invitation"
        onConfirm={async () => {
          if (!revoking) return;
          await revoke.mutateAsync(revoking.id);
          notifySuccess(`The invitation for ${revoking.organization.name} was revoked.`);
        }}
      >
        {`The link sent to ${revoking?.organization.name ?? ''} stops working at once.`}
      </ConfirmModal>
    </>
  );
}
