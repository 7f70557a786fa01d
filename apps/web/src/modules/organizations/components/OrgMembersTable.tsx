import { useState } from 'react';
import { Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { ORG_ROLES } from '@coalesce/domain';
import type { OrgRole } from '@coalesce/domain';
import type { OrgMemberDto } from '@coalesce/protocol';
import { formatDate } from '../../../lib/formatDate';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { RoleBadge, roleLabel } from '../../../ui/RoleBadge';
import {
  useResetOrgMemberTwoFactor,
  useSetOrgMemberDisabled,
  useSetOrgMemberRole,
} from '../hooks/useOrganizationMutations';

const ROLE_OPTIONS = ORG_ROLES.map((role) => ({ value: role, label: roleLabel(role) }));

interface Props {
  members: OrgMemberDto[];
  currentUserId: string;
  canManage: boolean;
}

export function OrgMembersTable({ members, currentUserId, canManage }: Props) {
  const setRole = useSetOrgMemberRole();
  const setDisabled = useSetOrgMemberDisabled();
  const [toggling, setToggling] = useState<OrgMemberDto | null>(null);
  const resetTwoFactor = useResetOrgMemberTwoFactor();
  const [resetting, setResetting] = useState<OrgMemberDto | null>(null);
  const sorted = [...members].sort((a, b) => a.name.localeCompare(b.name));

  const changeRole = (member: OrgMemberDto, role: OrgRole) =>
    setRole.mutate(
      { userId: member.id, role },
      {
        onSuccess: () => notifySuccess(`${member.name} is now ${roleLabel(role).toLowerCase()}.`),
        onError: notifyError,
      },
    );

  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" highlightOnHover aria-label="People in your organization">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Joined</Table.Th>
              {canManage && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((member) => {
              const self = member.id === currentUserId;
              return (
                <Table.Tr key={member.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {member.name}
                      {self && (
                        <Text span c="dimmed" size="sm">
                          {' '}
                          (you)
                        </Text>
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {member.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {canManage && !self ? (
                      <Select
                        aria-label={`Role of ${member.name}`}
                        data={ROLE_OPTIONS}
                        value={member.orgRole}
                        allowDeselect={false}
                        onChange={(role) => role && changeRole(member, role as OrgRole)}
                        disabled={setRole.isPending}
                        size="xs"
                        w={130}
                      />
                    ) : (
                      <RoleBadge role={member.orgRole} />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      {member.disabled ? (
                        <Badge color="red" variant="light" radius="sm">
                          Disabled
                        </Badge>
                      ) : (
                        <Badge color="teal" variant="light" radius="sm">
                          Active
                        </Badge>
                      )}
                      {member.twoFactorEnabled && (
                        <Badge color="gray" variant="light" radius="sm">
                          Two-factor
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(member.createdAt)}</Text>
                  </Table.Td>
                  {canManage && (
                    <Table.Td ta="right">
                      {!self && (
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          {member.twoFactorEnabled && (
                            <Button
                              size="xs"
                              variant="subtle"
                              color="orange"
                              onClick={() => setResetting(member)}
                            >
                              Reset two-factor
                            </Button>
                          )}
                          <Button
                            size="xs"
                            variant="subtle"
                            color={member.disabled ? 'teal' : 'red'}
                            onClick={() => setToggling(member)}
                          >
                            {member.disabled ? 'Enable' : 'Disable'}
                          </Button>
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
        opened={toggling !== null}
        onClose={() => setToggling(null)}
        danger={!toggling?.disabled}
        title={toggling?.disabled ? 'Enable account' : 'Disable account'}
        confirmLabel={toggling?.disabled ? 'Enable account' : 'Disable account'}
        onConfirm={async () => {
          if (!toggling) return;
          const disabled = !toggling.disabled;
          await setDisabled.mutateAsync({ userId: toggling.id, disabled });
          notifySuccess(`${toggling.name} was ${disabled ? 'disabled' : 'enabled'}.`);
        }}
      >
        {toggling?.disabled
          ? `${toggling.name} will be able to sign in again.`
          : `${toggling?.name ?? ''} is signed out everywhere at once and cannot sign in until an administrator enables the account again.`}
      </ConfirmModal>
      <ConfirmModal
        opened={resetting !== null}
        onClose={() => setResetting(null)}
        danger
        title="Reset two-factor"
        confirmLabel="Reset two-factor"
        onConfirm={async () => {
          if (!resetting) return;
          await resetTwoFactor.mutateAsync(resetting.id);
          notifySuccess(
            `${resetting.name} can sign in with their password and set up two-factor again.`,
          );
        }}
      >
        {`Only when ${resetting?.name ?? ''} has lost both their authenticator and their recovery codes: their second factor is removed and they are signed out everywhere. Make sure it is really them who asked (call them), since their password alone will let them in until they set it up again.`}
      </ConfirmModal>
    </>
  );
}
