import { useState } from 'react';
import { ActionIcon, Group, Select, Table, Text, Tooltip } from '@mantine/core';
import { IconUserMinus } from '@tabler/icons-react';
import { COALITION_ROLES } from '@coalesce/domain';
import type { CoalitionRole } from '@coalesce/domain';
import type { CoalitionMemberDto } from '@coalesce/protocol';
import { formatDate } from '../../../lib/formatDate';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { RoleBadge, roleLabel } from '../../../ui/RoleBadge';
import { countryName } from '../../organizations/components/countryOptions';
import {
  useRemoveCoalitionMember,
  useSetCoalitionMemberRole,
} from '../hooks/useCoalitionMutations';

const ROLE_OPTIONS = COALITION_ROLES.map((role) => ({ value: role, label: roleLabel(role) }));

interface Props {
  coalitionId: string;
  coalitionName: string;
  members: CoalitionMemberDto[];
  ownOrganizationId: string;
  /** Coordinators (org admins) may change roles and remove organizations. */
  canManage: boolean;
}

export function CoalitionMembersTable(props: Props) {
  const { coalitionId, coalitionName, members, ownOrganizationId, canManage } = props;
  const setRole = useSetCoalitionMemberRole(coalitionId);
  const remove = useRemoveCoalitionMember(coalitionId);
  const [removing, setRemoving] = useState<CoalitionMemberDto | null>(null);

  const changeRole = (member: CoalitionMemberDto, role: CoalitionRole) =>
    setRole.mutate(
      { orgId: member.organization.id, role },
      {
        onSuccess: () =>
          notifySuccess(`${member.organization.name} is now ${roleLabel(role).toLowerCase()}.`),
        onError: notifyError,
      },
    );

  const sorted = [...members].sort(
    (a, b) =>
      COALITION_ROLES.indexOf(a.role) - COALITION_ROLES.indexOf(b.role) ||
      a.organization.name.localeCompare(b.organization.name),
  );

  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="sm" highlightOnHover aria-label="Member organizations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Organization</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Member since</Table.Th>
              {canManage && <Table.Th w={60}>{/* actions */}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((member) => {
              const own = member.organization.id === ownOrganizationId;
              return (
                <Table.Tr key={member.organization.id}>
                  <Table.Td>
                    <Text fw={500} size="sm">
                      {member.organization.name}
                      {own && (
                        <Text span c="dimmed" size="sm">
                          {' '}
                          (your organization)
                        </Text>
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {countryName(member.organization.country)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {canManage ? (
                      <Select
                        aria-label={`Role of ${member.organization.name}`}
                        data={ROLE_OPTIONS}
                        value={member.role}
                        allowDeselect={false}
                        onChange={(role) => role && changeRole(member, role as CoalitionRole)}
                        disabled={setRole.isPending}
                        size="xs"
                        w={150}
                      />
                    ) : (
                      <RoleBadge role={member.role} />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(member.joinedAt)}</Text>
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      {!own && (
                        <Group justify="flex-end">
                          <Tooltip label="Remove from coalition">
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={`Remove ${member.organization.name}`}
                              onClick={() => setRemoving(member)}
                            >
                              <IconUserMinus size={18} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title="Remove organization"
        confirmLabel="Remove organization"
        onConfirm={async () => {
          if (!removing) return;
          await remove.mutateAsync(removing.organization.id);
          notifySuccess(`${removing.organization.name} was removed from ${coalitionName}.`);
        }}
      >
        {`Remove ${removing?.organization.name ?? ''} from ${coalitionName}? Its people lose access to the coalition at once. They can only come back with a new invitation.`}
      </ConfirmModal>
    </>
  );
}
