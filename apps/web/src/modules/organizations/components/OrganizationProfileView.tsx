import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { FOCUS_AREA_LABELS } from '@coalesce/domain';
import type { OrganizationDto } from '@coalesce/protocol';
import type { ReactNode } from 'react';
import { formatDate } from '../../../lib/formatDate';
import { countryName } from './countryOptions';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

export function OrganizationProfileView({ org }: { org: OrganizationDto }) {
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Field label="Name">
          <Text>{org.name}</Text>
        </Field>
        <Field label="Country">
          <Text>
            {countryName(org.country)} ({org.country})
          </Text>
        </Field>
        <Field label="Website">
          {org.website ? (
            <Anchor href={org.website} target="_blank" rel="noopener noreferrer">
              {org.website}
            </Anchor>
          ) : (
            <Text c="dimmed">—</Text>
          )}
        </Field>
        <Field label="On Coalesce since">
          <Text>{formatDate(org.createdAt)}</Text>
        </Field>
      </SimpleGrid>
      <Field label="Focus areas">
        {org.focusAreas.length ? (
          <Group gap={6}>
            {org.focusAreas.map((area) => (
              <Badge key={area} variant="light" radius="sm" tt="none">
                {FOCUS_AREA_LABELS[area]}
              </Badge>
            ))}
          </Group>
        ) : (
          <Text c="dimmed">—</Text>
        )}
      </Field>
      <Field label="Description">
        <Text c={org.description ? undefined : 'dimmed'}>{org.description ?? '—'}</Text>
      </Field>
    </Stack>
  );
}
