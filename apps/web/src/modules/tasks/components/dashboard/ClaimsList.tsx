import { Badge, Button, Group, Menu, Stack, Text } from '@mantine/core';
import type { ClaimDto } from '@coalesce/protocol';
import { useCoalitionMembers } from '../../../coalitions/hooks/useCoalitionMembers';
import { useHandOffClaim, useReleaseClaim } from '../../hooks/useTaskMutations';

/** Live claims: who holds which target, until when; the holder (or a coordinator) may release or hand off. */
export function ClaimsList({
  coalitionId,
  claims,
  canRelease,
}: {
  coalitionId: string;
  claims: ClaimDto[];
  canRelease: (claim: ClaimDto) => boolean;
}) {
  const release = useReleaseClaim(coalitionId);
  const handOff = useHandOffClaim(coalitionId);
  const members = useCoalitionMembers(coalitionId);
  const receivers = (members.data ?? []).filter((m) => m.role !== 'observer');
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
            <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
              <Badge
                color={soon ? 'orange' : 'gray'}
                variant="light"
                style={{ overflow: 'visible' }}
              >
                until {c.expiresAt.slice(0, 10)}
              </Badge>
              {canRelease(c) && (
                <Button size="compact-xs" variant="subtle" onClick={() => release.mutate(c.id)}>
                  Release
                </Button>
              )}
              {canRelease(c) && (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button size="compact-xs" variant="subtle">
                      Hand off
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Label>Hand off to</Menu.Label>
                    {receivers
                      .filter((m) => m.organization.id !== c.organization.id)
                      .map((m) => (
                        <Menu.Item
                          key={m.organization.id}
                          onClick={() =>
                            handOff.mutate({ claimId: c.id, organizationId: m.organization.id })
                          }
                        >
                          {m.organization.name}
                        </Menu.Item>
                      ))}
                  </Menu.Dropdown>
                </Menu>
              )}
            </Group>
          </Group>
        );
      })}
    </Stack>
  );
}
