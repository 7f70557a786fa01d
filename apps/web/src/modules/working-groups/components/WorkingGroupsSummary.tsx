import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { WorkingGroupDto } from '@coalesce/protocol';

/** One line per working group, for the overview. */
export function WorkingGroupsSummary({
  coalitionId,
  groups,
}: {
  coalitionId: string;
  groups: WorkingGroupDto[];
}) {
  if (groups.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No working groups yet.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {groups.map((group) => (
        <Group key={group.id} justify="space-between" wrap="nowrap" gap="md">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={500}>
              {group.name}
            </Text>
            {group.description && (
              <Text size="xs" c="dimmed" lineClamp={1}>
                {group.description}
              </Text>
            )}
          </Stack>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {group.organizations.length === 1
              ? '1 organization'
              : `${group.organizations.length} organizations`}
          </Text>
        </Group>
      ))}
      <Anchor component={Link} to={`/c/${coalitionId}/working-groups`} size="sm">
        All working groups
      </Anchor>
    </Stack>
  );
}
