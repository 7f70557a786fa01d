import { Badge, Table, Text } from '@mantine/core';
import type { AuditEntryDto } from '@coalesce/protocol';
import { formatDateTime } from '../../../lib/formatDate';
import { AuditDetails } from './AuditDetails';
import { auditActionColor, auditActionLabel } from './auditActionLabels';

export function AuditLogTable({ entries }: { entries: AuditEntryDto[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" striped aria-label="Audit log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={180}>When</Table.Th>
            <Table.Th miw={220}>Event</Table.Th>
            <Table.Th>By</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>IP</Table.Th>
            <Table.Th>Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(entry.occurredAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={auditActionColor(entry.action)}
                  radius="sm"
                  tt="none"
                  styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}
                >
                  {auditActionLabel(entry.action)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{entry.actor?.name ?? 'System'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {entry.targetType?.replace(/-/g, ' ') ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {entry.ip ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <AuditDetails details={entry.details} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
