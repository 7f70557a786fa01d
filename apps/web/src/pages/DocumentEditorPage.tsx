import { Button, EmptyState } from '@mantine/core';
import { IconFileOff } from '@tabler/icons-react';
import { Link, Navigate, useParams } from 'react-router';
import { ApiError } from '../lib/ApiError';
import { useCoalitionRoute } from '../modules/coalitions/hooks/useCoalitionRoute';
import { DocumentWorkspace } from '../modules/documents/editor/components/DocumentWorkspace';
import { useDocument } from '../modules/documents/editor/hooks/useDocument';
import { ErrorState } from '../ui/ErrorState';
import { PageLoader } from '../ui/PageLoader';
import { useDocumentTitle } from '../ui/useDocumentTitle';

const isGone = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 403);

/** `/c/:coalitionId/documents/:docId`: the live editor (lazy-loaded with TipTap). */
export function DocumentEditorPage() {
  const { docId = '' } = useParams();
  const coalition = useCoalitionRoute();
  const document = useDocument(docId);
  useDocumentTitle(document.data?.title, coalition.name);

  if (document.data?.kind === 'case-map') {
    return <Navigate to={`/c/${coalition.id}/case-maps/${document.data.id}`} replace />;
  }
  if (document.data) {
    return (
      <DocumentWorkspace
        key={document.data.id}
        document={document.data}
        gone={isGone(document.error)}
      />
    );
  }
  if (document.isPending) return <PageLoader label="Opening the document" />;
  if (isGone(document.error)) {
    return (
      <EmptyState
        py={80}
        icon={<IconFileOff />}
        withIndicatorBackground
        title="Document not available"
        description="It does not exist, was deleted, or is not shared with your organization."
      >
        <EmptyState.Actions>
          <Button component={Link} to={`/c/${coalition.id}/documents`} variant="default">
            Back to documents
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  return <ErrorState error={document.error} onRetry={() => document.refetch()} />;
}
