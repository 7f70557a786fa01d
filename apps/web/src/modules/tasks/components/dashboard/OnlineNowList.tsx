import { Badge, Group, Text } from '@mantine/core';
import { useOnlineMembers } from '../../hooks/useOnlineMembers';

/** People online in the coalition right now, with their organization. */
export function OnlineNowList({ coalitionId }: { coalitionId: string }) {
  const members = useOnlineMembers(coalitionId);
  if (!members.length)
    return (
      <Text size="sm" c="dimmed">
        Nobody else is online.
      </Text>
    );
  return (
    <Group gap={6} data-testid="online-now">
      {members.map((m) => (
        <Badge key={m.userId} variant="light" color="teal">
          {m.name} · {m.organizationName}
        </Badge>
      ))}
    </Group>
  );
}
