import { useState } from 'react';
import { Button, EmptyState, SimpleGrid } from '@mantine/core';
import { IconPlus, IconStack2 } from '@tabler/icons-react';
import type { WorkingGroupDto } from '@coalesce/protocol';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { ErrorState } from '../../../ui/ErrorState';
import { notifySuccess } from '../../../ui/notify';
import { PageHeader } from '../../../ui/PageHeader';
import { TableSkeleton } from '../../../ui/TableSkeleton';
import { useCoalitionMembers } from '../../coalitions/hooks/useCoalitionMembers';
import { useDeleteWorkingGroup } from '../hooks/useWorkingGroupMutations';
import { useWorkingGroups } from '../hooks/useWorkingGroups';
import { WorkingGroupCard } from './WorkingGroupCard';
import { WorkingGroupFormModal } from './WorkingGroupFormModal';

interface Props {
  coalitionId: string;
  coalitionName: string;
  canManage: boolean;
}

type Editing = { group: WorkingGroupDto | null } | null;

/** The working groups of a coalition, with create, edit and delete for coordinators. */
export function WorkingGroupsPanel({ coalitionId, coalitionName, canManage }: Props) {
  const groups = useWorkingGroups(coalitionId);
  const members = useCoalitionMembers(coalitionId);
  const remove = useDeleteWorkingGroup(coalitionId);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<WorkingGroupDto | null>(null);

  const createButton = canManage && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ group: null })}>
      New working group
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Working groups"
        description={`Smaller groups of ${coalitionName} that take on one line of work.`}
        actions={createButton}
      />
      {groups.isPending ? (
        <TableSkeleton label="Loading working groups" />
      ) : groups.isError ? (
        <ErrorState error={groups.error} onRetry={() => groups.refetch()} />
      ) : groups.data.length === 0 ? (
        <EmptyState
          icon={<IconStack2 />}
          withIndicatorBackground
          title="No working groups yet"
          description={
            canManage
              ? 'Create one for each line of work, e.g. federal policy or supply chains.'
              : 'Coordinators have not created working groups yet.'
          }
          py="xl"
        />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
          {groups.data.map((group) => (
            <WorkingGroupCard
              key={group.id}
              group={group}
              canManage={canManage}
              onEdit={() => setEditing({ group })}
              onDelete={() => setDeleting(group)}
            />
          ))}
        </SimpleGrid>
      )}
      <WorkingGroupFormModal
        coalitionId={coalitionId}
        members={members.data ?? []}
        group={editing?.group ?? null}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete working group"
        confirmLabel="Delete working group"
        onConfirm={async () => {
          if (!deleting) return;
          await remove.mutateAsync(deleting.id);
          notifySuccess(`${deleting.name} was deleted.`);
        }}
      >
        {`Delete ${deleting?.name ?? ''}? The member organizations stay in the coalition.`}
      </ConfirmModal>
    </>
  );
}
