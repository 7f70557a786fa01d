import { Anchor, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { CoalitionRole } from '@coalesce/domain';
import type { DocumentDto, WorkingGroupDto } from '@coalesce/protocol';
import { formatDateTime, formatRelative } from '../../../lib/formatDate';
import { documentAbilities } from '../hooks/documentAbilities';
import { DocumentActionsMenu } from './DocumentActionsMenu';
import type { DocumentAction } from './DocumentActionsMenu';
import { KIND_LABELS, PERMISSION_COLORS, PERMISSION_LABELS } from './documentLabels';

interface Props {
  coalitionId: string;
  documents: DocumentDto[];
  workingGroups: WorkingGroupDto[];
  myOrganizationId: string;
  coalitionRole: CoalitionRole | null;
  onAction: (action: DocumentAction, document: DocumentDto) => void;
}

export function DocumentsTable(props: Props) {
  const { coalitionId, documents, workingGroups, myOrganizationId, coalitionRole, onAction } =
    props;
  const groupName = new Map(workingGroups.map((g) => [g.id, g.name]));
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="documents-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Title</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Changed</Table.Th>
            <Table.Th>Your access</Table.Th>
            <Table.Th w={48} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {documents.map((doc) => (
            <Table.Tr key={doc.id} data-testid="document-row">
              <Table.Td>
                <Stack gap={2}>
                  <Group gap={6} wrap="nowrap">
                    {doc.isPrivate && (
                      <Tooltip label="Private to the owner organization">
                        <IconLock size={14} aria-label="Private" />
                      </Tooltip>
                    )}
                    <Anchor
                      component={Link}
                      to={`/c/${coalitionId}/${doc.kind === 'case-map' ? 'case-maps' : 'documents'}/${doc.id}`}
                      fw={600}
                    >
                      {doc.title}
                    </Anchor>
                    {doc.archivedAt && (
                      <Badge size="xs" color="gray" variant="outline">
                        Archived
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {KIND_LABELS[doc.kind]}
                    {doc.workingGroupId && groupName.get(doc.workingGroupId)
                      ? ` · ${groupName.get(doc.workingGroupId)}`
                      : ''}
                  </Text>
                  {doc.snippet && (
                    <Text size="xs" lineClamp={2} data-testid="document-snippet">
                      {doc.snippet}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{doc.ownerOrg.name}</Text>
              </Table.Td>
              <Table.Td>
                <Tooltip label={formatDateTime(doc.updatedAt)}>
                  <Text size="sm">{formatRelative(doc.updatedAt)}</Text>
                </Tooltip>
                {doc.updatedBy && (
                  <Text size="xs" c="dimmed">
                    by {doc.updatedBy.name}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={PERMISSION_COLORS[doc.permission]}>
                  {PERMISSION_LABELS[doc.permission]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <DocumentActionsMenu
                  document={doc}
                  abilities={documentAbilities(doc, myOrganizationId, coalitionRole)}
                  onAction={onAction}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
