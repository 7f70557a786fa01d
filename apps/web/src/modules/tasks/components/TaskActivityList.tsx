import { Stack, Text } from '@mantine/core';
import type { ActivityDto } from '@coalesce/protocol';
import { formatRelative } from '../../../lib/formatDate';

const VERBS: Record<string, string> = {
  'task.created': 'created',
  'task.updated': 'changed',
  'task.status-changed': 'moved',
  'task.commented': 'commented on',
  'task.related': 'linked',
  'task.merged': 'merged a duplicate into',
  'task.merged-away': 'merged away',
  'claim.created': 'claimed',
  'claim.released': 'released the claim on',
  'claim.expired': 'claim expired on',
  'claim.handed-off': 'handed off the claim on',
};

function describeChanges(a: ActivityDto): string {
  const parts = Object.entries(a.changes)
    .filter(([, v]) => Array.isArray(v) && v.length === 2)
    .map(([field, v]) => {
      const [from, to] = v as [unknown, unknown];
      return field === 'description'
        ? 'description'
        : `${field}: ${String(from ?? '—')} → ${String(to ?? '—')}`;
    });
  return parts.join('; ');
}

/** Who changed what, when: a task's history, or the coalition's feed (with task titles). */
export function TaskActivityList({
  items,
  showTask,
}: {
  items: ActivityDto[];
  showTask?: boolean;
}) {
  if (!items.length)
    return (
      <Text size="sm" c="dimmed">
        Nothing yet.
      </Text>
    );
  return (
    <Stack gap={6} data-testid="activity-list">
      {items.map((a) => {
        const target =
          showTask && (a.taskTitle ?? (a.changes.target as string | undefined))
            ? ` “${a.taskTitle ?? String(a.changes.target)}”`
            : '';
        const details = describeChanges(a);
        return (
          <div key={a.id}>
            <Text size="sm">
              <b>{a.actor ? `${a.actor.name} (${a.actorOrg?.name ?? ''})` : 'Coalesce'}</b>{' '}
              {VERBS[a.action] ?? a.action}
              {target}
              {details ? ` — ${details}` : ''}
            </Text>
            <Text size="xs" c="dimmed">
              {formatRelative(a.createdAt)}
            </Text>
          </div>
        );
      })}
    </Stack>
  );
}
