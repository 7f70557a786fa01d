import { Badge, Group, Stack, Text } from '@mantine/core';
import type { ClaimDto } from '@coalesce/protocol';

/** Live claims: who holds which target, until when. */
export function ClaimsList({ claims }: { claims: ClaimDto[] }) {
  if (!claims.length)
    return (
      <Text size="sm" c="dimmed">
        Nothing is claimed.
      </Text>
    );
  return (
    <Stack gap={6} data-testid="claims-list">
      {claims.map((c) => {
        const soon = Date.parse(c.expiresAt) - Date.now() < 86_400_000;
        return (
          <Group key={c.id} justify="space-between" wrap="nowrap">
            <div>
              <Text size="sm" fw={500}>
                {c.targetLabel || c.targetKey}
              </Text>
              <Text size="xs" c="dimmed">
                {c.organization.name}
                {c.note ? ` · ${c.note}` : ''}
              </Text>
            </div>
            <Badge color={soon ? 'orange' : 'gray'} variant="light">
              until {c.expiresAt.slice(0, 10)}
            </Badge>
          </Group>
        );
      })}
    </Stack>
  );
}
