import { useState } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { IconMailPlus } from '@tabler/icons-react';
import { ErrorState } from '../../../ui/ErrorState';
import { PageHeader } from '../../../ui/PageHeader';
import { SectionCard } from '../../../ui/SectionCard';
import { TableSkeleton } from '../../../ui/TableSkeleton';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { useCoalitionMembers } from '../hooks/useCoalitionMembers';
import { useCoalitionPermissions } from '../hooks/useCoalitionPermissions';
import { CoalitionMembersTable } from './CoalitionMembersTable';
import { InviteOrganizationModal } from './InviteOrganizationModal';
import { LeaveCoalitionButton } from './LeaveCoalitionButton';
import { PendingCoalitionInvites } from './PendingCoalitionInvites';

export function CoalitionMembersPanel({
  coalitionId,
  coalitionName,
}: {
  coalitionId: string;
  coalitionName: string;
}) {
  const me = useCurrentUser();
  const members = useCoalitionMembers(coalitionId);
  const { can } = useCoalitionPermissions(coalitionId);
  const [inviting, setInviting] = useState(false);
  const canInvite = can('coalition.members.invite');

  return (
    <Stack gap="lg">
      <PageHeader
        title="Members"
        description={`Organizations in ${coalitionName} and their roles. Coordinators manage membership; observers can only read.`}
        actions={
          <Group gap="sm">
            {can('coalition.leave') && (
              <LeaveCoalitionButton
                coalitionId={coalitionId}
                coalitionName={coalitionName}
                organizationName={me.organization.name}
              />
            )}
            {canInvite && (
              <Button leftSection={<IconMailPlus size={16} />} onClick={() => setInviting(true)}>
                Invite organization
              </Button>
            )}
          </Group>
        }
      />
      <SectionCard title="Member organizations">
        {members.isPending ? (
          <TableSkeleton label="Loading members" />
        ) : members.isError ? (
          <ErrorState error={members.error} onRetry={() => members.refetch()} />
        ) : (
          <CoalitionMembersTable
            coalitionId={coalitionId}
            coalitionName={coalitionName}
            members={members.data}
            ownOrganizationId={me.organization.id}
            canManage={can('coalition.members.set-role')}
          />
        )}
      </SectionCard>
      {canInvite && (
        <SectionCard
          title="Pending invitations"
          description="Links that have not been accepted yet. Revoke one to stop it from working."
        >
          <PendingCoalitionInvites coalitionId={coalitionId} />
        </SectionCard>
      )}
      <InviteOrganizationModal
        coalitionId={coalitionId}
        coalitionName={coalitionName}
        memberIds={new Set(members.data?.map((m) => m.organization.id) ?? [])}
        opened={inviting}
        onClose={() => setInviting(false)}
      />
    </Stack>
  );
}
