import { useState } from 'react';
import { Button, EmptyState, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { CoalitionInvitesInbox } from './CoalitionInvitesInbox';
import { CreateCoalitionModal } from './CreateCoalitionModal';

/** The workspace of an organization that belongs to no coalition yet. */
export function NoCoalitionState() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const isAdmin = me.orgRole === 'admin';

  return (
    <Stack gap="xl" maw={760} mx="auto" py="xl">
      <EmptyState variant="light" size="lg">
        <EmptyState.Indicator>
          <IconUsersGroup />
        </EmptyState.Indicator>
        <EmptyState.Title order={1}>
          {me.organization.name} is not in a coalition yet
        </EmptyState.Title>
        <EmptyState.Description>
          {isAdmin
            ? 'Coalitions are where member organizations plan together, share work and avoid duplicating efforts. Start one and invite partners, or accept an invitation from a coalition coordinator.'
            : 'Coalitions are where member organizations plan together. An administrator of your organization can create one or accept an invitation from a coalition coordinator.'}
        </EmptyState.Description>
        {isAdmin && (
          <EmptyState.Actions>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              Create a coalition
            </Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
      {isAdmin && (
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            <div>
              <Title order={2} size="h4">
                Invitations for {me.organization.name}
              </Title>
              <Text size="sm" c="dimmed">
                Coordinators invite organizations by name; their invitations appear here.
              </Text>
            </div>
            <CoalitionInvitesInbox emptyText="No invitations yet." />
          </Stack>
        </Paper>
      )}
      <CreateCoalitionModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(coalition) => navigate(`/c/${coalition.id}/members`)}
      />
    </Stack>
  );
}
