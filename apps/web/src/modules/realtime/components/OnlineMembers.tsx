import { Avatar, Group, Text, Tooltip } from '@mantine/core';
import { useLocation } from 'react-router';
import { useActiveCoalition } from '../../coalitions/hooks/useActiveCoalition';
import { usePresence } from '../hooks/usePresence';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

/** Avatars of the people online in the active coalition, with their organization. */
export function OnlineMembers() {
  const { coalition } = useActiveCoalition();
  const { pathname } = useLocation();
  const page = pathname.split('/')[3] ?? 'overview';
  const members = usePresence(coalition?.id ?? null, page);
  if (!coalition || members.length === 0) return null;
  return (
    <Group gap={6} wrap="nowrap" aria-label="Online now">
      <Text size="xs" c="dimmed" visibleFrom="md">
        Online
      </Text>
      <Avatar.Group spacing="sm">
        {members.slice(0, 5).map((m) => (
          <Tooltip key={m.userId} label={`${m.name} · ${m.organizationName}`} withArrow>
            <Avatar
              size="sm"
              radius="xl"
              color="indigo"
              name={m.name}
              role="img"
              aria-label={`${m.name}, ${m.organizationName}`}
            >
              {initials(m.name)}
            </Avatar>
          </Tooltip>
        ))}
        {members.length > 5 && (
          <Avatar size="sm" radius="xl">
            +{members.length - 5}
          </Avatar>
        )}
      </Avatar.Group>
    </Group>
  );
}
