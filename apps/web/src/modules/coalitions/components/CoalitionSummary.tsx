import { Anchor, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBuildingCommunity, IconStack2, IconUserShield } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CoalitionDto } from '@coalesce/protocol';
import { RoleBadge } from '../../../ui/RoleBadge';

interface Props {
  coalition: CoalitionDto;
  workingGroupCount: number | null;
}

function Stat({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Group gap="md" wrap="nowrap">
        <ThemeIcon size={40} radius="md" variant="light">
          {icon}
        </ThemeIcon>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {label}
          </Text>
          {children}
        </Stack>
      </Group>
    </Paper>
  );
}

/** Key facts of a coalition: your role, members, working groups. */
export function CoalitionSummary({ coalition, workingGroupCount }: Props) {
  const base = `/c/${coalition.id}`;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
      <Stat icon={<IconUserShield size={22} />} label="Your organization's role">
        <div>
          <RoleBadge role={coalition.role} />
        </div>
      </Stat>
      <Stat icon={<IconBuildingCommunity size={22} />} label="Member organizations">
        <Anchor component={Link} to={`${base}/members`} fw={700} size="lg">
          {coalition.memberCount}
        </Anchor>
      </Stat>
      <Stat icon={<IconStack2 size={22} />} label="Working groups">
        <Anchor component={Link} to={`${base}/working-groups`} fw={700} size="lg">
          {workingGroupCount ?? '–'}
        </Anchor>
      </Stat>
    </SimpleGrid>
  );
}
