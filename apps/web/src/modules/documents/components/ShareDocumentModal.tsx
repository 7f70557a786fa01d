import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { IconLock, IconTrash } from '@tabler/icons-react';
import type { DocPermission } from '@coalesce/domain';
import type { DocumentDto } from '@coalesce/protocol';
import { FormError } from '../../../ui/FormError';
import { notifySuccess } from '../../../ui/notify';
import { useCoalitionMembers } from '../../coalitions/hooks/useCoalitionMembers';
import { useShareDocument } from '../hooks/useDocumentMutations';
import { PERMISSION_LABELS } from './documentLabels';

const NOBODY = 'none';
const PERMISSION_OPTIONS = (['edit', 'comment', 'view'] as const).map((p) => ({
  value: p,
  label: PERMISSION_LABELS[p],
}));

interface Props {
  document: DocumentDto;
  opened: boolean;
  onClose: () => void;
}

/** Who may see, comment on and edit a document: the whole coalition, and chosen organizations. */
export function ShareDocumentModal({ document, opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Share “${document.title}”`} centered size="lg">
      {opened && <ShareForm document={document} onClose={onClose} />}
    </Modal>
  );
}

interface Share {
  organizationId: string;
  permission: DocPermission;
}

function ShareForm({ document, onClose }: { document: DocumentDto; onClose: () => void }) {
  const members = useCoalitionMembers(document.coalitionId);
  const share = useShareDocument(document.coalitionId);
  const [coalitionPermission, setCoalitionPermission] = useState<string>(
    document.coalitionPermission ?? NOBODY,
  );
  const [shares, setShares] = useState<Share[]>(
    document.shares.map((s) => ({ organizationId: s.organizationId, permission: s.permission })),
  );
  const [adding, setAdding] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  if (document.isPrivate) {
    return (
      <Alert icon={<IconLock size={18} />} color="gray" title="Private document">
        Only {document.ownerOrg.name} can see this document; it cannot be shared.
      </Alert>
    );
  }

  const orgs = (members.data ?? []).filter((m) => m.organization.id !== document.ownerOrg.id);
  const nameOf = (id: string) =>
    orgs.find((m) => m.organization.id === id)?.organization.name ?? id;
  const roleOf = (id: string) => orgs.find((m) => m.organization.id === id)?.role;
  const addable = orgs
    .filter((m) => !shares.some((s) => s.organizationId === m.organization.id))
    .map((m) => ({ value: m.organization.id, label: m.organization.name }));

  const save = async () => {
    setError(null);
    try {
      await share.mutateAsync({
        docId: document.id,
        input: {
          coalitionPermission:
            coalitionPermission === NOBODY ? null : (coalitionPermission as DocPermission),
          organizations: shares,
        },
      });
      notifySuccess('Sharing was updated.');
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Stack gap="md">
      <FormError error={error} />
      <Text size="sm">
        {document.ownerOrg.name} owns this document and can always edit it. Observer organizations
        can only view, whatever is chosen here.
      </Text>
      <Select
        label="Every coalition member"
        data={[...PERMISSION_OPTIONS, { value: NOBODY, label: 'No access' }]}
        value={coalitionPermission}
        onChange={(v) => setCoalitionPermission(v ?? NOBODY)}
        allowDeselect={false}
        data-testid="share-coalition-permission"
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Chosen organizations
        </Text>
        {shares.length > 0 && (
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {shares.map((s, i) => (
                <Table.Tr key={s.organizationId}>
                  <Table.Td>
                    {nameOf(s.organizationId)}
                    {roleOf(s.organizationId) === 'observer' && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        (observer: view only)
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td w={170}>
                    <Select
                      size="xs"
                      data={PERMISSION_OPTIONS}
                      value={s.permission}
                      allowDeselect={false}
                      aria-label={`Permission of ${nameOf(s.organizationId)}`}
                      onChange={(v) =>
                        setShares(
                          shares.map((x, j) =>
                            j === i ? { ...x, permission: v as DocPermission } : x,
                          ),
                        )
                      }
                    />
                  </Table.Td>
                  <Table.Td w={40}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Stop sharing with ${nameOf(s.organizationId)}`}
                      onClick={() => setShares(shares.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Select
          placeholder={
            addable.length ? 'Add an organization' : 'Every member organization is listed'
          }
          data={addable}
          value={adding}
          searchable
          disabled={!addable.length}
          aria-label="Add an organization"
          onChange={(v) => {
            if (v) setShares([...shares, { organizationId: v, permission: 'comment' }]);
            setAdding(null);
          }}
        />
      </Stack>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={share.isPending}>
          Cancel
        </Button>
        <Button onClick={save} loading={share.isPending} data-testid="share-save">
          Save sharing
        </Button>
      </Group>
    </Stack>
  );
}
