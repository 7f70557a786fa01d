import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { BILL_STAGE_LABELS, POSITION_LABELS } from '@coalesce/domain';
import { STANCE_COLORS } from '../modules/bills/components/billLabels';
import { usePositionsMatrix } from '../modules/bills/hooks/useBills';
import { useCoalitionRoute } from '../modules/coalitions/hooks/useCoalitionRoute';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';
import { TableSkeleton } from '../ui/TableSkeleton';
import { useDocumentTitle } from '../ui/useDocumentTitle';

/** Bills x member organizations; a row where some support and others oppose is flagged. */
export function PositionsMatrixPage() {
  const coalition = useCoalitionRoute();
  useDocumentTitle('Positions', coalition.name);
  const matrix = usePositionsMatrix(coalition.id);
  return (
    <Stack gap="md">
      <PageHeader
        title="Positions"
        description="Every member organization's position on every tracked bill. Rows where one organization supports a bill (or supports it if amended) and another opposes it are marked as conflicts."
      />
      {matrix.isPending ? (
        <TableSkeleton label="Loading positions" />
      ) : matrix.isError ? (
        <ErrorState error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table withColumnBorders aria-label="Positions matrix">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Bill</Table.Th>
                {matrix.data.organizations.map((o) => (
                  <Table.Th key={o.id}>{o.name}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matrix.data.rows.map((r) => (
                <Table.Tr
                  key={r.bill.id}
                  bg={r.conflict ? 'var(--mantine-color-red-light)' : undefined}
                  aria-label={`${r.bill.identifier}${r.conflict ? ' (conflict)' : ''}`}
                >
                  <Table.Td>
                    <Anchor component={Link} to={`/c/${coalition.id}/bills/${r.bill.id}`} fw={600}>
                      {r.bill.identifier}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {BILL_STAGE_LABELS[r.bill.stage]}
                    </Text>
                    {r.conflict && (
                      <Badge color="red" size="xs" variant="filled">
                        Conflict
                      </Badge>
                    )}
                  </Table.Td>
                  {matrix.data.organizations.map((o) => {
                    const p = r.positions[o.id];
                    return (
                      <Table.Td key={o.id} title={p?.rationale ?? undefined}>
                        {p ? (
                          <Badge color={STANCE_COLORS[p.stance]} variant="light">
                            {POSITION_LABELS[p.stance]}
                          </Badge>
                        ) : (
                          <Text size="xs" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
