import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { NotificationDto } from '@coalesce/protocol';
import { formatRelative } from '../../../lib/formatDate';
import { useMarkNotificationRead, useNotifications } from '../hooks/useNotifications';
import { notificationLink, notificationText } from './notificationText';

/** In-app notifications (mentions, replies, tasks, claims) with the unread count; live. */
export function NotificationsBell() {
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const unread = notifications.data?.unreadCount ?? 0;
  const items = notifications.data?.items ?? [];

  const open = (n: NotificationDto) => {
    if (!n.readAt) markRead.mutate(n.id);
    const link = notificationLink(n);
    setOpened(false);
    if (link) navigate(link);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md">
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={16}
          disabled={unread === 0}
          color="red"
          offset={4}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
            data-testid="notifications-bell"
            data-unread={unread}
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="notifications-list">
        <Group justify="space-between" px="md" py="xs">
          <Text fw={600} size="sm">
            Notifications
          </Text>
          <Button
            variant="subtle"
            size="compact-xs"
            disabled={unread === 0}
            onClick={() => markRead.mutate('all')}
          >
            Mark all read
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={420}>
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" p="md">
              Nothing yet. Mentions, replies, assignments and reminders show here.
            </Text>
          ) : (
            <Stack gap={0}>
              {items.map((n) => (
                <UnstyledButton
                  key={n.id}
                  onClick={() => open(n)}
                  px="md"
                  py="xs"
                  data-testid="notification-item"
                  style={{
                    background: n.readAt ? undefined : 'var(--mantine-color-indigo-light)',
                    borderBottom: '1px solid var(--mantine-color-default-border)',
                  }}
                >
                  <Text size="sm" fw={n.readAt ? 400 : 600}>
                    {notificationText(n)}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    “{n.excerpt}”
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatRelative(n.createdAt)}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
