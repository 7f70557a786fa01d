import { useState } from 'react';
import { Button, EmptyState, Group, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconPlus, IconSearch, IconTopologyStar3 } from '@tabler/icons-react';
import type { CoalitionRole } from '@coalesce/domain';
import type { DocumentDto } from '@coalesce/protocol';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { ErrorState } from '../../../ui/ErrorState';
import { notifySuccess } from '../../../ui/notify';
import { PageHeader } from '../../../ui/PageHeader';
import { TableSkeleton } from '../../../ui/TableSkeleton';
import type { DocumentAction } from '../../documents/components/DocumentActionsMenu';
import { DocumentsTable } from '../../documents/components/DocumentsTable';
import { RenameDocumentModal } from '../../documents/components/RenameDocumentModal';
import { ShareDocumentModal } from '../../documents/components/ShareDocumentModal';
import { useArchiveDocument, useDeleteDocument } from '../../documents/hooks/useDocumentMutations';
import { useDocuments } from '../../documents/hooks/useDocuments';
import { useWorkingGroups } from '../../working-groups/hooks/useWorkingGroups';
import { CreateCaseMapModal } from './CreateCaseMapModal';
import { ImportCaseMapModal } from './ImportCaseMapModal';

interface Props {
  coalitionId: string;
  coalitionName: string;
  canCreate: boolean;
  myOrganizationId: string;
  coalitionRole: CoalitionRole | null;
}

type Pending = { action: DocumentAction; document: DocumentDto } | null;

/** The case maps of a coalition: search, create, import and manage. */
export function CaseMapsPanel(props: Props) {
  const { coalitionId, coalitionName, canCreate, myOrganizationId, coalitionRole } = props;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const maps = useDocuments(coalitionId, { kind: 'case-map', ...(q ? { q } : {}) });
  const groups = useWorkingGroups(coalitionId);
  const archive = useArchiveDocument(coalitionId);
  const remove = useDeleteDocument(coalitionId);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [pending, setPending] = useState<Pending>(null);

  const onAction = async (action: DocumentAction, document: DocumentDto) => {
    if (action === 'archive' || action === 'restore') {
      await archive.mutateAsync({ docId: document.id, archived: action === 'archive' });
      notifySuccess(`${document.title} was ${action === 'archive' ? 'archived' : 'restored'}.`);
      return;
    }
    setPending({ action, document });
  };

  return (
    <>
      <PageHeader
        title="Case maps"
        description={`Cases, people, businesses, vessels and places that ${coalitionName} maps together, with what each organization keeps to itself.`}
        actions={
          canCreate && (
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} />}
                onClick={() => setImporting(true)}
              >
                Import JSON
              </Button>
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setCreating(true)}
                data-testid="new-case-map"
              >
                New case map
              </Button>
            </Group>
          )
        }
      />
      <TextInput
        mb="md"
        maw={360}
        aria-label="Search case maps"
        placeholder="Search case maps"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      {maps.isPending ? (
        <TableSkeleton label="Loading case maps" />
      ) : maps.isError ? (
        <ErrorState error={maps.error} onRetry={() => maps.refetch()} />
      ) : maps.data.length === 0 ? (
        <EmptyState
          icon={<IconTopologyStar3 />}
          withIndicatorBackground
          title={q ? 'No case map matches' : 'No case maps yet'}
          description={
            q
              ? 'Try other words.'
              : canCreate
                ? 'Map a case with the other organizations: who recruited whom, which vessel, which importer, which office. Sensitive details stay with your organization.'
                : 'Case maps shared with your organization will appear here.'
          }
          py="xl"
        />
      ) : (
        <DocumentsTable
          coalitionId={coalitionId}
          documents={maps.data}
          workingGroups={groups.data ?? []}
          myOrganizationId={myOrganizationId}
          coalitionRole={coalitionRole}
          onAction={(action, doc) => void onAction(action, doc)}
        />
      )}
      <CreateCaseMapModal
        coalitionId={coalitionId}
        workingGroups={groups.data ?? []}
        opened={creating}
        onClose={() => setCreating(false)}
      />
      <ImportCaseMapModal
        coalitionId={coalitionId}
        opened={importing}
        onClose={() => setImporting(false)}
      />
      <RenameDocumentModal
        document={pending?.action === 'rename' ? pending.document : null}
        onClose={() => setPending(null)}
      />
      {pending?.action === 'share' && (
        <ShareDocumentModal document={pending.document} opened onClose={() => setPending(null)} />
      )}
      <ConfirmModal
        opened={pending?.action === 'delete'}
        onClose={() => setPending(null)}
        title="Delete case map"
        confirmLabel="Delete case map"
        onConfirm={async () => {
          if (!pending) return;
          await remove.mutateAsync(pending.document.id);
          notifySuccess(`${pending.document.title} was deleted.`);
        }}
      >
        {`Delete “${pending?.document.title ?? ''}”? Nobody will be able to open it any more, with every organization’s private layer of it.`}
      </ConfirmModal>
    </>
  );
}
