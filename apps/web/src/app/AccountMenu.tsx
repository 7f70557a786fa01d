import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBuilding, IconChevronDown, IconLogout, IconShieldLock } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../modules/auth/hooks/useAuth';
import { useCurrentUser } from '../modules/auth/hooks/useCurrentUser';
import { forgetCoalitions } from '../modules/coalitions/hooks/lastCoalition';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

export function AccountMenu() {
  const me = useCurrentUser();
  const { signOut } = useAuth();
  const navigate = useNavigate();

  const handleSignOut = async () => {
    await signOut();
    forgetCoalitions();
    navigate('/sign-in', { replace: true });
  };

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${me.name}`}>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={34}>
              {initials(me.name)}
            </Avatar>
            <Stack gap={0} visibleFrom="md">
              <Text size="sm" fw={600} lh={1.2}>
                {me.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {me.organization.name}
              </Text>
            </Stack>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {me.name}
          <br />
          {me.organization.name} · {me.orgRole === 'admin' ? 'Admin' : 'Member'}
        </Menu.Label>
        <Menu.Item
          component={Link}
          to="/account/security"
          leftSection={<IconShieldLock size={16} />}
        >
          Sessions &amp; security
        </Menu.Item>
        <Menu.Item component={Link} to="/organization" leftSection={<IconBuilding size={16} />}>
          Organization
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={handleSignOut}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
