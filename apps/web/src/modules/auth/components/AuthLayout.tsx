import type { ReactNode } from 'react';
import { Anchor, Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAffiliate } from '@tabler/icons-react';

interface AuthLayoutProps {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  width?: number;
}

/** The centered card of the signed-out pages. */
export function AuthLayout({ title, subtitle, children, footer, width = 440 }: AuthLayoutProps) {
  return (
    <Box mih="100vh" bg="gray.0" py={48} px="md">
      <Center>
        <Stack w="100%" maw={width} gap="lg">
          <Group gap="xs" justify="center">
            <IconAffiliate size={28} color="var(--mantine-color-indigo-6)" aria-hidden />
            <Text fw={700} size="xl">
              Coalesce
            </Text>
          </Group>
          <Paper withBorder shadow="sm" radius="md" p="xl">
            <Stack gap="lg">
              <Stack gap={4}>
                <Title order={1} size="h2">
                  {title}
                </Title>
                {subtitle && (
                  <Text c="dimmed" size="sm">
                    {subtitle}
                  </Text>
                )}
              </Stack>
              {children}
            </Stack>
          </Paper>
          {footer && (
            <Text ta="center" size="sm" c="dimmed">
              {footer}
            </Text>
          )}
          <Text ta="center" size="xs" c="dimmed">
            Coordination for coalitions against human trafficking.{' '}
            <Anchor href="/api/docs" size="xs" c="dimmed" underline="always">
              API
            </Anchor>
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
