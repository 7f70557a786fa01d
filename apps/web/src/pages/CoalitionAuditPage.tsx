import { EmptyState } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { PageHeader } from '../ui/PageHeader';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { AuditLogPanel } from '../modules/audit/components/AuditLogPanel';
import { useCoalitionPermissions } from '../modules/coalitions/hooks/useCoalitionPermissions';
import { useCoalitionRoute } from '../modules/coalitions/hooks/useCoalitionRoute';

export function CoalitionAuditPage() {
  const coalition = useCoalitionRoute();
  const { can } = useCoalitionPermissions(coalition.id);
  useDocumentTitle('Audit log', coalition.name);
  if (!can('coalition.audit.view')) {
    return (
      <EmptyState
        py={80}
        icon={<IconLock />}
        withIndicatorBackground
        title="Coordinators only"
        description="The coalition's audit log is visible to coordinator organizations."
      />
    );
  }
  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Security-relevant events in ${coalition.name}: invitations, role changes, departures and working groups. Entries cannot be edited or deleted.`}
      />
      <AuditLogPanel scope={{ kind: 'coalition', coalitionId: coalition.id }} />
    </>
  );
}
