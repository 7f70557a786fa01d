import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { ErrorState } from '../../../ui/ErrorState';
import { SectionCard } from '../../../ui/SectionCard';
import { TableSkeleton } from '../../../ui/TableSkeleton';
import { useCurrentOrganization } from '../hooks/useCurrentOrganization';
import { OrganizationProfileForm } from './OrganizationProfileForm';
import { OrganizationProfileView } from './OrganizationProfileView';

/** The organization's public profile; admins can edit it. */
export function OrganizationProfileSection({ canEdit }: { canEdit: boolean }) {
  const org = useCurrentOrganization();
  const [editing, setEditing] = useState(false);

  return (
    <SectionCard
      title="Profile"
      description="Other organizations on Coalesce see this profile, e.g. when they invite you."
      actions={
        canEdit &&
        !editing &&
        org.isSuccess && (
          <Button
            variant="default"
            leftSection={<IconPencil size={16} />}
            onClick={() => setEditing(true)}
          >
            Edit profile
          </Button>
        )
      }
    >
      {org.isPending ? (
        <TableSkeleton rows={3} label="Loading profile" />
      ) : org.isError ? (
        <ErrorState error={org.error} onRetry={() => org.refetch()} />
      ) : editing ? (
        <OrganizationProfileForm org={org.data} onDone={() => setEditing(false)} />
      ) : (
        <OrganizationProfileView org={org.data} />
      )}
    </SectionCard>
  );
}
