import { Divider, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import {
  IconBell,
  IconBuilding,
  IconCalendarEvent,
  IconGavel,
  IconTable,
  IconChecklist,
  IconFileText,
  IconHistory,
  IconHome,
  IconShieldLock,
  IconStack2,
  IconTopologyStar3,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { decideCoalitionAction } from '@coalesce/domain';
import { useCurrentUser } from '../modules/auth/hooks/useCurrentUser';
import { useActiveCoalition } from '../modules/coalitions/hooks/useActiveCoalition';

function Item({
  to,
  label,
  icon,
  exact,
  onNavigate,
}: {
  to: string;
  label: string;
  icon: ReactNode;
  exact?: boolean;
  onNavigate: () => void;
}) {
  const { pathname } = useLocation();
  const active = exact ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      leftSection={icon}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      variant="light"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  );
}

/** Pages of the current coalition, then the organization and account pages. */
export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const me = useCurrentUser();
  const { coalition } = useActiveCoalition();
  const base = coalition ? `/c/${coalition.id}` : null;
  const canAudit =
    coalition &&
    decideCoalitionAction(
      { orgRole: me.orgRole, coalitionRole: coalition.role },
      'coalition.audit.view',
    ) === 'allow';

  return (
    <ScrollArea h="100%" type="scroll">
      <Stack gap={4} p="md" component="nav" aria-label="Main">
        {base && coalition ? (
          <>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4} truncate="end">
              {coalition.name}
            </Text>
            <Item
              to={base}
              exact
              label="Overview"
              icon={<IconHome size={18} />}
              onNavigate={onNavigate}
            />
            <Item
              to={`${base}/documents`}
              label="Documents"
              icon={<IconFileText size={18} />}
              onNavigate={onNavigate}
            />
            <Item
              to={`${base}/case-maps`}
              label="Case maps"
              icon={<IconTopologyStar3 size={18} />}
              onNavigate={onNavigate}
            />
            <Item
              to={`${base}/bills`}
              label="Bills"
              icon={<IconGavel size={18} />}
              onNavigate={onNavigate}
            />
            <Item
              to={`${base}/positions`}
              label="Positions"
              icon={<IconTable size={18} />}
              onNavigate={onNavigate}
            />
            <Item
              to={`${base}/meetings`}
              label="Meetings"
              icon={<IconCalendarEvent size={18} />}
              onNavigate={onNavigate}
            />
            <Item
              to={`${base}/tasks`}
              label="Tasks"
              icon={<IconChecklist size={18} />}
              onNavigate={onNavigate}
            />
            <Item
              to={`${base}/members`}
              label="Members"
              icon={<IconUsers size={18} />}
              onNavigate={onNavigate}
            />
            <Item
              to={`${base}/working-groups`}
              label="Working groups"
              icon={<IconStack2 size={18} />}
              onNavigate={onNavigate}
            />
            {canAudit && (
              <Item
                to={`${base}/audit`}
                label="Audit log"
                icon={<IconHistory size={18} />}
                onNavigate={onNavigate}
              />
            )}
          </>
        ) : (
          <Item
            to="/"
            exact
            label="Get started"
            icon={<IconHome size={18} />}
            onNavigate={onNavigate}
          />
        )}
        <Divider my="sm" />
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4} truncate="end">
          {me.organization.name}
        </Text>
        <Item
          to="/organization"
          label="Organization"
          icon={<IconBuilding size={18} />}
          onNavigate={onNavigate}
        />
        <Item
          to="/account/security"
          label="Sessions & security"
          icon={<IconShieldLock size={18} />}
          onNavigate={onNavigate}
        />
        <Item
          to="/account/notifications"
          label="Notifications"
          icon={<IconBell size={18} />}
          onNavigate={onNavigate}
        />
      </Stack>
    </ScrollArea>
  );
}
