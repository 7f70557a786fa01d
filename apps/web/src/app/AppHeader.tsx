import { Burger, Group, Text } from '@mantine/core';
import { IconAffiliate } from '@tabler/icons-react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../modules/auth/hooks/useCurrentUser';
import { CoalitionSwitcher } from '../modules/coalitions/components/CoalitionSwitcher';
import { useActiveCoalition } from '../modules/coalitions/hooks/useActiveCoalition';
import { NotificationsBell } from '../modules/notifications/components/NotificationsBell';
import { OnlineMembers } from '../modules/realtime/components/OnlineMembers';
import { AccountMenu } from './AccountMenu';

interface Props {
  navbarOpened: boolean;
  onToggleNavbar: () => void;
}

export function AppHeader({ navbarOpened, onToggleNavbar }: Props) {
  const me = useCurrentUser();
  const { coalition, inUrl } = useActiveCoalition();
  const navigate = useNavigate();
  const location = useLocation();

  /** Switching keeps the page: members of one coalition -> members of the other. */
  const switchTo = (id: string) => {
    const rest = inUrl ? location.pathname.split('/').slice(3).join('/') : '';
    navigate(`/c/${id}${rest ? `/${rest}` : ''}`);
  };

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="md" wrap="nowrap">
        <Burger
          opened={navbarOpened}
          onClick={onToggleNavbar}
          hiddenFrom="sm"
          size="sm"
          aria-label="Toggle navigation"
        />
        <Link
          to="/"
          aria-label="Coalesce home"
          style={{ textDecoration: 'none', color: 'inherit' }}
        >
          <Group gap={8} wrap="nowrap">
            <IconAffiliate size={26} color="var(--mantine-color-indigo-6)" aria-hidden />
            <Text fw={700} size="lg" visibleFrom="xs">
              Coalesce
            </Text>
          </Group>
        </Link>
        <CoalitionSwitcher
          coalitions={me.coalitions}
          value={coalition?.id ?? null}
          onChange={switchTo}
        />
      </Group>
      <Group gap="md" wrap="nowrap">
        <OnlineMembers />
        <NotificationsBell />
        <AccountMenu />
      </Group>
    </Group>
  );
}
