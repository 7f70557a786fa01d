import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { COALITION_ROLES } from '@coalesce/domain';
import type { CoalitionRole } from '@coalesce/domain';
import { INVITE_TTL_DAYS_DEFAULT } from '@coalesce/protocol';
import type { CoalitionInviteDto, OrganizationDto } from '@coalesce/protocol';
import { formatDate } from '../../../lib/formatDate';
import { CopyField } from '../../../ui/CopyField';
import { FormError } from '../../../ui/FormError';
import { roleLabel } from '../../../ui/RoleBadge';
import { useInviteOrganization } from '../hooks/useCoalitionMutations';
import { OrganizationPicker } from './OrganizationPicker';

const TTL_OPTIONS = ['1', '3', '7', '14', '30'].map((d) => ({
  value: d,
  label: d === '1' ? '1 day' : `${d} days`,
}));
const ROLE_HELP: Record<CoalitionRole, string> = {
  coordinator: 'Manages membership and working groups.',
  member: 'Takes part in the coalition’s work.',
  observer: 'Reads only; cannot change anything.',
};

interface Props {
  coalitionId: string;
  coalitionName: string;
  memberIds: ReadonlySet<string>;
  opened: boolean;
  onClose: () => void;
}

export function InviteOrganizationModal(props: Props) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title="Invite an organization"
      centered
      size="lg"
    >
      {props.opened && <InviteFlow {...props} />}
    </Modal>
  );
}

function InviteFlow({ coalitionId, coalitionName, memberIds, onClose }: Props) {
  const invite = useInviteOrganization(coalitionId);
  const [org, setOrg] = useState<OrganizationDto | null>(null);
  const [role, setRole] = useState<CoalitionRole>('member');
  const [ttlDays, setTtlDays] = useState(String(INVITE_TTL_DAYS_DEFAULT));
  const [missingOrg, setMissingOrg] = useState(false);
  const [created, setCreated] = useState<CoalitionInviteDto | null>(null);

  if (created) {
    const link = `${window.location.origin}/accept-coalition-invite?token=${created.token ?? ''}`;
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" icon={<IconInfoCircle />} title="Invitation created">
          Send this link to an administrator of <strong>{created.organization.name}</strong>. It is
          shown only once and works until {formatDate(created.expiresAt)}.
        </Alert>
        <CopyField label="Acceptance link" value={link} />
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!org) {
      setMissingOrg(true);
      return;
    }
    invite.mutate(
      { organizationId: org.id, role, ttlDays: Number(ttlDays) },
      { onSuccess: setCreated },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          The organization joins {coalitionName} when one of its administrators opens the link you
          get next. It also appears in their organization&apos;s invitation inbox.
        </Text>
        <FormError error={invite.error} />
        <OrganizationPicker
          value={org}
          onChange={(next) => {
            setOrg(next);
            setMissingOrg(false);
          }}
          excludeIds={memberIds}
          error={missingOrg ? 'Choose the organization to invite.' : undefined}
        />
        <Group grow align="flex-start">
          <Select
            label="Role"
            data={COALITION_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
            value={role}
            onChange={(r) => r && setRole(r as CoalitionRole)}
            allowDeselect={false}
            description={ROLE_HELP[role]}
          />
          <Select
            label="Link expires after"
            data={TTL_OPTIONS}
            value={ttlDays}
            onChange={(d) => d && setTtlDays(d)}
            allowDeselect={false}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={invite.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={invite.isPending}>
            Create invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
