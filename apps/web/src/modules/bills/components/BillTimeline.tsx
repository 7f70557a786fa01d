import { Badge, Group, Text, Timeline } from '@mantine/core';
import type { BillActionDto } from '@coalesce/protocol';
import { formatDate } from '../../../lib/formatDate';

const ACTOR_LABELS: Record<string, string> = {
  lower: 'Lower chamber',
  upper: 'Upper chamber',
  legislature: 'Legislature',
  executive: 'Executive',
};

/** The bill's actions, oldest first (append-only). */
export function BillTimeline({ actions }: { actions: BillActionDto[] }) {
  if (!actions.length) return <Text c="dimmed">No actions yet.</Text>;
  return (
    <Timeline active={actions.length - 1} bulletSize={16} lineWidth={2} aria-label="Actions">
      {actions.map((a) => (
        <Timeline.Item
          key={a.id}
          title={
            <Group gap="xs">
              <Text fw={600} size="sm">
                {formatDate(a.date)}
              </Text>
              {a.actor && (
                <Text size="xs" c="dimmed">
                  {a.actorName ?? ACTOR_LABELS[a.actor]}
                </Text>
              )}
            </Group>
          }
        >
          <Text size="sm">{a.text}</Text>
          {a.classifications.length > 0 && (
            <Group gap={4} mt={4}>
              {a.classifications.map((c) => (
                <Badge key={c} size="xs" variant="outline">
                  {c}
                </Badge>
              ))}
            </Group>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
