import { Button, EmptyState } from '@mantine/core';
import { IconTopologyStar3 } from '@tabler/icons-react';
import { Link, Navigate, useParams } from 'react-router';
import { ApiError } from '../lib/ApiError';
import { CaseMapWorkspace } from '../modules/case-maps/components/CaseMapWorkspace';
import { useCoalitionRoute } from '../modules/coalitions/hooks/useCoalitionRoute';
import { useDocument } from '../modules/documents/editor/hooks/useDocument';
import { ErrorState } from '../ui/ErrorState';
import { PageLoader } from '../ui/PageLoader';
import { useDocumentTitle } from '../ui/useDocumentTitle';

const isGone = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 403);

/** `/c/:coalitionId/case-maps/:docId`: the live canvas (lazy-loaded with React Flow). */
export function CaseMapPage() {
  const { docId = '' } = useParams();
  const coalition = useCoalitionRoute();
  const map = useDocument(docId);
  useDocumentTitle(map.data?.title, coalition.name);

  if (map.data && map.data.kind !== 'case-map') {
    return <Navigate to={`/c/${coalition.id}/documents/${map.data.id}`} replace />;
  }
  if (map.data) {
    return <CaseMapWorkspace key={map.data.id} document={map.data} gone={isGone(map.error)} />;
  }
  if (map.isPending) return <PageLoader label="Opening the case map" />;
  if (isGone(map.error)) {
    return (
      <EmptyState
        py={80}
        icon={<IconTopologyStar3 />}
        withIndicatorBackground
        title="Case map not available"
        description="It does not exist, was deleted, or is not shared with your organization."
      >
        <EmptyState.Actions>
          <Button component={Link} to={`/c/${coalition.id}/case-maps`} variant="default">
            Back to case maps
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  return <ErrorState error={map.error} onRetry={() => map.refetch()} />;
}
