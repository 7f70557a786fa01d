import { Stack, Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../ui/PageHeader';
import { SectionCard } from '../ui/SectionCard';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { AuditLogPanel } from '../modules/audit/components/AuditLogPanel';
import { useCurrentUser } from '../modules/auth/hooks/useCurrentUser';
import { CoalitionInvitesInbox } from '../modules/coalitions/components/CoalitionInvitesInbox';
import { CreateOrgInviteForm } from '../modules/organizations/components/CreateOrgInviteForm';
import { EraseOrganizationSection } from '../modules/organizations/components/EraseOrganizationSection';
import { OrgDataExportSection } from '../modules/organizations/components/OrgDataExportSection';
import { OrganizationProfileSection } from '../modules/organizations/components/OrganizationProfileSection';
import { OrgMembersSection } from '../modules/organizations/components/OrgMembersSection';
import { OrgTwoFactorSetting } from '../modules/organizations/components/OrgTwoFactorSetting';
import { PendingOrgInvites } from '../modules/organizations/components/PendingOrgInvites';
import { useOrgPermissions } from '../modules/organizations/hooks/useOrgPermissions';

const TABS = ['profile', 'people', 'invitations', 'coalitions', 'audit', 'data'] as const;
type Tab = (typeof TABS)[number];
const ADMIN_TABS: ReadonlySet<Tab> = new Set(['invitations', 'coalitions', 'audit', 'data']);

/** `/organization?tab=...`: profile, people, invitations, coalition invitations, audit log, data. */
export function OrganizationPage() {
  const me = useCurrentUser();
  const { can } = useOrgPermissions();
  const [params, setParams] = useSearchParams();
  const isAdmin = can('org.update');
  const requested = params.get('tab') as Tab | null;
  const tab: Tab =
    requested && TABS.includes(requested) && (isAdmin || !ADMIN_TABS.has(requested))
      ? requested
      : 'profile';
  useDocumentTitle('Organization', me.organization.name);

  return (
    <Stack gap="lg">
      <PageHeader
        title={me.organization.name}
        description={
          isAdmin ? 'You are an administrator of this organization.' : 'Your organization.'
        }
      />
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'profile' ? { tab: value } : {})}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="profile">Profile</Tabs.Tab>
          <Tabs.Tab value="people">People</Tabs.Tab>
          {isAdmin && <Tabs.Tab value="invitations">Invite colleagues</Tabs.Tab>}
          {isAdmin && <Tabs.Tab value="coalitions">Coalition invitations</Tabs.Tab>}
          {isAdmin && <Tabs.Tab value="audit">Audit log</Tabs.Tab>}
          {isAdmin && <Tabs.Tab value="data">Our data</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="profile">
          <Stack gap="lg">
            <OrganizationProfileSection canEdit={isAdmin} />
            <OrgTwoFactorSetting organizationId={me.organization.id} canEdit={isAdmin} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="people">
          <OrgMembersSection canManage={can('org.members.set-role')} />
        </Tabs.Panel>
        {isAdmin && (
          <Tabs.Panel value="invitations">
            <Stack gap="lg">
              <SectionCard
                title="Invite a colleague"
                description="Create a link that lets a colleague create an account in your organization."
              >
                <CreateOrgInviteForm organizationName={me.organization.name} />
              </SectionCard>
              <SectionCard title="Pending invitation links">
                <PendingOrgInvites />
              </SectionCard>
            </Stack>
          </Tabs.Panel>
        )}
        {isAdmin && (
          <Tabs.Panel value="coalitions">
            <SectionCard
              title="Coalition invitations"
              description="Coalitions that invited your organization. Accepting gives everyone in your organization access with the role offered."
            >
              <CoalitionInvitesInbox />
            </SectionCard>
          </Tabs.Panel>
        )}
        {isAdmin && (
          <Tabs.Panel value="audit">
            <AuditLogPanel scope={{ kind: 'organization' }} />
          </Tabs.Panel>
        )}
        {isAdmin && (
          <Tabs.Panel value="data">
            <Stack gap="lg">
              <OrgDataExportSection organizationId={me.organization.id} />
              <EraseOrganizationSection
                organizationId={me.organization.id}
                organizationName={me.organization.name}
              />
            </Stack>
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
