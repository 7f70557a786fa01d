import { ActionIcon, Badge, Card, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import type { WorkingGroupDto } from '@coalesce/protocol';

interface Props {
  group: WorkingGroupDto;
  canManage: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

export function WorkingGroupCard({ group, canManage, onEdit, onDelete }: Props) {
  const orgs = [...group.organizations].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-label={group.name}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h4">
            {group.name}
          </Title>
          {canManage && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${group.name}`}>
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={16} />} onClick={onEdit}>
                  Edit
                </Menu.Item>
                <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={onDelete}>
                  Delete
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        <Text size="sm" c={group.description ? undefined : 'dimmed'}>
          {group.description ?? 'No description.'}
        </Text>
        <Stack gap={6} mt="auto">
          <Text size="xs" c="dimmed" fw={500}>
            {orgs.length === 1 ? '1 organization' : `${orgs.length} organizations`}
          </Text>
          <Group gap={6}>
            {orgs.map((org) => (
              <Badge key={org.id} variant="outline" color="gray" radius="sm" tt="none" fw={500}>
                {org.name}
              </Badge>
            ))}
          </Group>
        </Stack>
      </Stack>
    </Card>
  );
}
