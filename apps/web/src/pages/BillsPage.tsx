import { useState } from 'react';
import { Button, Stack } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useCoalitionMembers } from '../modules/coalitions/hooks/useCoalitionMembers';
import { useCoalitionPermissions } from '../modules/coalitions/hooks/useCoalitionPermissions';
import { useCoalitionRoute } from '../modules/coalitions/hooks/useCoalitionRoute';
import type { BillFilters as Filters } from '../modules/bills/api/billsApi';
import { BillFilters } from '../modules/bills/components/BillFilters';
import { BillsTable } from '../modules/bills/components/BillsTable';
import { ImportBillsModal } from '../modules/bills/components/ImportBillsModal';
import { NewBillModal } from '../modules/bills/components/NewBillModal';
import { useBills } from '../modules/bills/hooks/useBills';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';
import { TableSkeleton } from '../ui/TableSkeleton';
import { useDocumentTitle } from '../ui/useDocumentTitle';

export function BillsPage() {
  const coalition = useCoalitionRoute();
  const { can } = useCoalitionPermissions(coalition.id);
  useDocumentTitle('Bills', coalition.name);
  const [filters, setFilters] = useState<Filters>({ sort: 'last-action' });
  const [modal, setModal] = useState<'import' | 'new' | null>(null);
  const bills = useBills(coalition.id, filters);
  const members = useCoalitionMembers(coalition.id);
  const organizations = (members.data ?? []).map((m) => m.organization);
  return (
    <Stack gap="md">
      <PageHeader
        title="Bills"
        description="Bills the coalition tracks, with their stage derived from the legislature's actions and every organization's position."
        actions={
          can('content.create') && (
            <>
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} />}
                onClick={() => setModal('import')}
              >
                Import
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setModal('new')}>
                Track a bill
              </Button>
            </>
          )
        }
      />
      <BillFilters value={filters} onChange={setFilters} organizations={organizations} />
      {bills.isPending ? (
        <TableSkeleton label="Loading bills" />
      ) : bills.isError ? (
        <ErrorState error={bills.error} onRetry={() => void bills.refetch()} />
      ) : (
        <BillsTable coalitionId={coalition.id} bills={bills.data} />
      )}
      <ImportBillsModal
        coalitionId={coalition.id}
        opened={modal === 'import'}
        onClose={() => setModal(null)}
      />
      <NewBillModal
        coalitionId={coalition.id}
        opened={modal === 'new'}
        onClose={() => setModal(null)}
      />
    </Stack>
  );
}
