import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { POSITION_LABELS } from '@coalesce/domain';
import type { BillSummaryDto } from '@coalesce/protocol';
import { formatDate } from '../../../lib/formatDate';
import { BillStageProgress } from './BillStageProgress';
import { STANCE_COLORS } from './billLabels';

export function BillsTable({
  coalitionId,
  bills,
}: {
  coalitionId: string;
  bills: BillSummaryDto[];
}) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Bills">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Bill</Table.Th>
            <Table.Th>Stage</Table.Th>
            <Table.Th>Last action</Table.Th>
            <Table.Th>Lead</Table.Th>
            <Table.Th>Positions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bills.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td maw={360}>
                <Stack gap={2}>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/c/${coalitionId}/bills/${b.id}`} fw={600}>
                      {b.identifier}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {b.jurisdiction} · {b.session}
                    </Text>
                    {b.watched && b.priority && (
                      <Badge size="xs" variant="outline">
                        {b.priority} priority
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" lineClamp={2}>
                    {b.title}
                  </Text>
                  {b.tags.length > 0 && (
                    <Group gap={4}>
                      {b.tags.map((t) => (
                        <Badge key={t} size="xs" variant="dot">
                          {t}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <BillStageProgress
                  stage={b.stage}
                  stageDates={b.stageDates}
                  originChamber={b.originChamber}
                  compact
                />
              </Table.Td>
              <Table.Td maw={280}>
                {b.lastActionDate ? (
                  <Stack gap={0}>
                    <Text size="sm">{formatDate(b.lastActionDate)}</Text>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {b.lastActionText}
                    </Text>
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    None yet
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {b.leadOrg?.name ?? (
                  <Text size="sm" c="dimmed">
                    None
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {b.hasConflict && (
                    <Badge color="red" variant="filled" size="sm">
                      Conflict
                    </Badge>
                  )}
                  {b.positions.map((p) => (
                    <Badge
                      key={p.organizationId}
                      color={STANCE_COLORS[p.stance]}
                      variant="light"
                      size="sm"
                    >
                      {p.organizationName}: {POSITION_LABELS[p.stance]}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
