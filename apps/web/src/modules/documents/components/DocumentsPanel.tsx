import { useState } from 'react';
import { Button, EmptyState } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileText, IconPlus } from '@tabler/icons-react';
import type { CoalitionRole } from '@coalesce/domain';
import type { DocumentDto } from '@coalesce/protocol';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { ErrorState } from '../../../ui/ErrorState';
import { notifySuccess } from '../../../ui/notify';
import { PageHeader } from '../../../ui/PageHeader';
import { TableSkeleton } from '../../../ui/TableSkeleton';
import { useCoalitionMembers } from '../../coalitions/hooks/useCoalitionMembers';
import { useWorkingGroups } from '../../working-groups/hooks/useWorkingGroups';
import { useDocumentFilters, useListQuery } from '../hooks/useDocumentFilters';
import { useArchiveDocument, useDeleteDocument } from '../hooks/useDocumentMutations';
import { useDocumentTemplates, useDocuments } from '../hooks/useDocuments';
import { CreateDocumentModal } from './CreateDocumentModal';
import type { DocumentAction } from './DocumentActionsMenu';
import { DocumentFilters } from './DocumentFilters';
import { DocumentsTable } from './DocumentsTable';
import { RenameDocumentModal } from './RenameDocumentModal';
import { ShareDocumentModal } from './ShareDocumentModal';

interface Props {
  coalitionId: string;
  coalitionName: string;
  canCreate: boolean;
  myOrganizationId: string;
  coalitionRole: CoalitionRole | null;
}

type Pending = { action: DocumentAction; document: DocumentDto } | null;

/** Lobbying plans, briefs, letters and notes of a coalition: search, filters, create and manage. */
export function DocumentsPanel(props: Props) {
  const { coalitionId, coalitionName, canCreate, myOrganizationId, coalitionRole } = props;
  const { state, set } = useDocumentFilters();
  const [q] = useDebouncedValue(state.q, 250);
  const query = useListQuery(state, q);
  const documents = useDocuments(coalitionId, query);
  const templates = useDocumentTemplates();
  const groups = useWorkingGroups(coalitionId);
  const members = useCoalitionMembers(coalitionId);
  const archive = useArchiveDocument(coalitionId);
  const remove = useDeleteDocument(coalitionId);
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<Pending>(null);

  const onAction = async (action: DocumentAction, document: DocumentDto) => {
    if (action === 'archive' || action === 'restore') {
      await archive.mutateAsync({ docId: document.id, archived: action === 'archive' });
      notifySuccess(`${document.title} was ${action === 'archive' ? 'archived' : 'restored'}.`);
      return;
    }
    setPending({ action, document });
  };

  const filtered = Boolean(
    q || state.kind || state.workingGroupId || state.ownerOrgId || state.updatedWithin,
  );
  const organizations = (members.data ?? []).map((m) => m.organization);

  return (
    <>
      <PageHeader
        title="Documents"
        description={`Lobbying plans, meeting briefs and sign-on letters that ${coalitionName} writes together, live.`}
        actions={
          canCreate && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setCreating(true)}
              data-testid="new-document"
            >
              New document
            </Button>
          )
        }
      />
      <DocumentFilters
        state={state}
        onChange={set}
        workingGroups={groups.data ?? []}
        organizations={organizations}
      />
      {documents.isPending ? (
        <TableSkeleton label="Loading documents" />
      ) : documents.isError ? (
        <ErrorState error={documents.error} onRetry={() => documents.refetch()} />
      ) : documents.data.length === 0 ? (
        <EmptyState
          icon={<IconFileText />}
          withIndicatorBackground
          title={filtered ? 'No document matches' : 'No documents yet'}
          description={
            filtered
              ? 'Try other words or fewer filters.'
              : canCreate
                ? 'Start a lobbying plan from a template and write it with the other organizations.'
                : 'Documents shared with your organization will appear here.'
          }
          py="xl"
        />
      ) : (
        <DocumentsTable
          coalitionId={coalitionId}
          documents={documents.data}
          workingGroups={groups.data ?? []}
          myOrganizationId={myOrganizationId}
          coalitionRole={coalitionRole}
          onAction={(action, doc) => void onAction(action, doc)}
        />
      )}
      <CreateDocumentModal
        coalitionId={coalitionId}
        templates={templates.data ?? []}
        workingGroups={groups.data ?? []}
        opened={creating}
        onClose={() => setCreating(false)}
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
        title="Delete document"
        confirmLabel="Delete document"
        onConfirm={async () => {
          if (!pending) return;
          await remove.mutateAsync(pending.document.id);
          notifySuccess(`${pending.document.title} was deleted.`);
        }}
      >
        {`Delete “${pending?.document.title ?? ''}”? Nobody will be able to open it any more; people editing it now are told and leave it.`}
      </ConfirmModal>
    </>
  );
}
