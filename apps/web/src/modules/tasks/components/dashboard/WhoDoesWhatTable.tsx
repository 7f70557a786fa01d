import { Table, Text } from '@mantine/core';
import type { DashboardCellDto } from '@coalesce/protocol';

/** Organizations × working groups: open tasks and live claims in each cell. */
export function WhoDoesWhatTable({ cells }: { cells: DashboardCellDto[] }) {
  if (!cells.length)
    return (
      <Text size="sm" c="dimmed">
        No open work is assigned yet.
      </Text>
    );
  const groups = [
    ...new Map(
      cells.map((c) => [c.workingGroup?.id ?? '', c.workingGroup?.name ?? 'No working group']),
    ).entries(),
  ];
  const orgs = [...new Map(cells.map((c) => [c.organization.id, c.organization.name])).entries()];
  const cell = (orgId: string, groupId: string) =>
    cells.find((c) => c.organization.id === orgId && (c.workingGroup?.id ?? '') === groupId);
  return (
    <Table.ScrollContainer minWidth={500}>
      <Table withTableBorder withColumnBorders data-testid="who-does-what">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Organization</Table.Th>
            {groups.map(([id, name]) => (
              <Table.Th key={id}>{name}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orgs.map(([orgId, orgName]) => (
            <Table.Tr key={orgId} data-testid="who-does-what-row" data-org-name={orgName}>
              <Table.Td fw={500}>{orgName}</Table.Td>
              {groups.map(([groupId]) => {
                const c = cell(orgId, groupId);
                return (
                  <Table.Td key={groupId}>
                    {c ? (
                      <Text size="sm">
                        <span data-testid="open-count">{c.openTasks}</span> open
                        {c.claims ? ` · ${c.claims} claimed` : ''}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
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
  );
}
