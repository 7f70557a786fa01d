import { useState } from 'react';
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconDeviceDesktop } from '@tabler/icons-react';
import type { SessionDto } from '@coalesce/protocol';
import { formatDateTime, formatRelative } from '../../../lib/formatDate';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { notifySuccess } from '../../../ui/notify';
import { useRevokeSession } from '../hooks/useSessionMutations';
import { describeUserAgent } from './describeUserAgent';

export function SessionsTable({ sessions }: { sessions: SessionDto[] }) {
  const revoke = useRevokeSession();
  const [ending, setEnding] = useState<SessionDto | null>(null);
  const sorted = [...sessions].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastUsedAt.localeCompare(a.lastUsedAt),
  );

  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" aria-label="Your sessions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Device</Table.Th>
              <Table.Th>IP address</Table.Th>
              <Table.Th>Signed in</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((session) => (
              <Table.Tr key={session.id}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <IconDeviceDesktop size={18} aria-hidden />
                    <Text size="sm" title={session.userAgent ?? undefined}>
                      {describeUserAgent(session.userAgent)}
                    </Text>
                    {session.current && (
                      <Badge size="sm" color="teal" variant="light" radius="sm">
                        This device
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {session.ip ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(session.createdAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={formatDateTime(session.lastUsedAt)}>
                    {formatRelative(session.lastUsedAt)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  {!session.current && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setEnding(session)}
                    >
                      End session
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmModal
        opened={ending !== null}
        onClose={() => setEnding(null)}
        title="End session"
        confirmLabel="End session"
        onConfirm={async () => {
          if (!ending) return;
          await revoke.mutateAsync(ending.id);
          notifySuccess('The session was ended.');
        }}
      >
        {`${describeUserAgent(ending?.userAgent ?? null)} is signed out at once and has to sign in again.`}
      </ConfirmModal>
    </>
  );
}
