import { useState } from 'react';
import { ActionIcon, Anchor, Button, Group, List, Select, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useDocuments } from '../../documents/hooks/useDocuments';
import { notifyError } from '../../../ui/notify';
import { useBillDocumentLinks } from '../hooks/useBillMutations';

interface Props {
  coalitionId: string;
  billId: string;
  documents: Array<{ id: string; title: string; kind: string }>;
  canEdit: boolean;
}

/** Plans, briefs and letters about the bill (each reader sees only the documents shared with them). */
export function BillDocumentsPanel({ coalitionId, billId, documents, canEdit }: Props) {
  const all = useDocuments(coalitionId, {});
  const { link, unlink } = useBillDocumentLinks(coalitionId, billId);
  const [choice, setChoice] = useState<string | null>(null);
  const linked = new Set(documents.map((d) => d.id));
  const options = (all.data ?? [])
    .filter((d) => !linked.has(d.id))
    .map((d) => ({ value: d.id, label: d.title }));
  return (
    <Stack gap="sm">
      {documents.length ? (
        <List spacing={4}>
          {documents.map((d) => (
            <List.Item key={d.id}>
              <Group gap="xs">
                <Anchor component={Link} to={`/c/${coalitionId}/documents/${d.id}`}>
                  {d.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {d.kind}
                </Text>
                {canEdit && (
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    aria-label={`Unlink ${d.title}`}
                    onClick={() => unlink.mutateAsync(d.id).catch(notifyError)}
                  >
                    <IconX size={14} />
                  </ActionIcon>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      ) : (
        <Text c="dimmed">No linked documents.</Text>
      )}
      {canEdit && (
        <Group gap="sm" align="flex-end">
          <Select
            label="Link a document"
            placeholder="Choose"
            searchable
            data={options}
            value={choice}
            onChange={setChoice}
            w={320}
          />
          <Button
            variant="default"
            disabled={!choice}
            loading={link.isPending}
            onClick={() =>
              choice &&
              link
                .mutateAsync(choice)
                .then(() => setChoice(null))
                .catch(notifyError)
            }
          >
            Link
          </Button>
        </Group>
      )}
    </Stack>
  );
}
