import { ErrorState } from '../../../ui/ErrorState';
import { SectionCard } from '../../../ui/SectionCard';
import { TableSkeleton } from '../../../ui/TableSkeleton';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { useOrgMembers } from '../hooks/useOrgMembers';
import { OrgMembersTable } from './OrgMembersTable';

export function OrgMembersSection({ canManage }: { canManage: boolean }) {
  const me = useCurrentUser();
  const members = useOrgMembers();
  return (
    <SectionCard
      title="People"
      description={
        canManage
          ? 'Administrators manage the organization, its invitations and its coalitions.'
          : 'Everyone with an account in your organization.'
      }
    >
      {members.isPending ? (
        <TableSkeleton label="Loading people" />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => members.refetch()} />
      ) : (
        <OrgMembersTable members={members.data} currentUserId={me.id} canManage={canManage} />
      )}
    </SectionCard>
  );
}
