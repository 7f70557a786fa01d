import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { MAP_NODE_TYPE_LABELS } from '@coalesce/domain';
import type { AccessRequestDto, AccessRequestResolve } from '@coalesce/protocol';
import { formatDateTime } from '../../../lib/formatDate';

const STATUS: Record<AccessRequestDto['status'], { label: string; color: string }> = {
  pending: { label: 'Waiting for an answer', color: 'yellow' },
  'granted-layer': { label: 'Layer granted', color: 'teal' },
  'shared-node': { label: 'Node shared', color: 'teal' },
  declined: { label: 'Declined', color: 'gray' },
};

interface AccessRequestItemProps {
  request: AccessRequestDto;
  /** The viewer's organization holds the node and may answer. */
  incoming: boolean;
  busy: boolean;
  onResolve(decision: AccessRequestResolve['decision']): void;
  onShow(): void;
}

/** One request to see a restricted node, with the owner's three answers. */
export function AccessRequestItem({
  request,
  incoming,
  busy,
  onResolve,
  onShow,
}: AccessRequestItemProps) {
  const status = STATUS[request.status];
  const type = MAP_NODE_TYPE_LABELS[request.nodeType].toLowerCase();
  return (
    <Paper withBorder p="xs" radius="md" data-testid="access-request">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm">
            {incoming
              ? `${request.requestingOrg.name}${request.requestedBy ? ` (${request.requestedBy.name})` : ''} asks to see a restricted ${type}.`
              : `Your request to ${request.ownerOrg.name} for a restricted ${type}.`}
          </Text>
          <Badge color={status.color} variant="light" style={{ flexShrink: 0 }}>
            {status.label}
          </Badge>
        </Group>
        {request.message && (
          <Text size="sm" c="dimmed" fs="italic">
            “{request.message}”
          </Text>
        )}
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {formatDateTime(request.createdAt)}
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={onShow}>
            Show on map
          </Button>
        </Group>
        {incoming && request.status === 'pending' && (
          <Group gap="xs">
            <Button size="compact-xs" loading={busy} onClick={() => onResolve('grant-layer')}>
              Grant our layer
            </Button>
            <Button
              size="compact-xs"
              variant="light"
              loading={busy}
              onClick={() => onResolve('share-node')}
            >
              Share this node
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              loading={busy}
              onClick={() => onResolve('decline')}
            >
              Decline
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
