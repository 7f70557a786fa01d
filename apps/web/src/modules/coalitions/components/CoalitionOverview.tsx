import { useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, Button, Skeleton, Stack } from '@mantine/core';
import { IconEye, IconPencil } from '@tabler/icons-react';
import { ErrorState } from '../../../ui/ErrorState';
import { PageHeader } from '../../../ui/PageHeader';
import { SectionCard } from '../../../ui/SectionCard';
import { TableSkeleton } from '../../../ui/TableSkeleton';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { useWorkingGroups } from '../../working-groups/hooks/useWorkingGroups';
import { useCoalition } from '../hooks/useCoalition';
import { useCoalitionPermissions } from '../hooks/useCoalitionPermissions';
import { CoalitionSummary } from './CoalitionSummary';
import { EditCoalitionModal } from './EditCoalitionModal';
import { WorkingGroupsSummary } from '../../working-groups/components/WorkingGroupsSummary';

/** `dashboard`: panels other features add to the overview (e.g. the coordinator's alerts). */
export function CoalitionOverview({
  coalitionId,
  dashboard,
}: {
  coalitionId: string;
  dashboard?: ReactNode;
}) {
  const coalition = useCoalition(coalitionId);
  const groups = useWorkingGroups(coalitionId);
  const { can } = useCoalitionPermissions(coalitionId);
  const [editing, setEditing] = useState(false);
  useDocumentTitle('Overview', coalition.data?.name);

  if (coalition.isPending) {
    return (
      <Stack gap="lg" aria-busy="true" aria-label="Loading coalition">
        <Skeleton height={32} width="50%" />
        <Skeleton height={16} width="80%" />
        <Skeleton height={80} />
      </Stack>
    );
  }
  if (coalition.isError) {
    return <ErrorState error={coalition.error} onRetry={() => coalition.refetch()} />;
  }
  const data = coalition.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={data.name}
        description={data.description ?? 'No description yet.'}
        actions={
          can('coalition.update') && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => setEditing(true)}
            >
              Edit details
            </Button>
          )
        }
      />
      {data.role === 'observer' && (
        <Alert variant="light" color="gray" icon={<IconEye />} title="Read-only access">
          Your organization observes this coalition: you can follow its work, but not change it.
        </Alert>
      )}
      <CoalitionSummary coalition={data} workingGroupCount={groups.data?.length ?? null} />
      {dashboard}
      <SectionCard title="Working groups" description="Who works together on what.">
        {groups.isPending ? (
          <TableSkeleton rows={3} label="Loading working groups" />
        ) : groups.isError ? (
          <ErrorState error={groups.error} onRetry={() => groups.refetch()} />
        ) : (
          <WorkingGroupsSummary coalitionId={coalitionId} groups={groups.data} />
        )}
      </SectionCard>
      <EditCoalitionModal coalition={data} opened={editing} onClose={() => setEditing(false)} />
    </Stack>
  );
}
