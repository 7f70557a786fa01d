import { useState } from 'react';
import { Select, Stack } from '@mantine/core';
import { useWorkingGroups } from '../../../working-groups/hooks/useWorkingGroups';
import { useActivity } from '../../hooks/useCoordination';
import { TaskActivityList } from '../TaskActivityList';

/** The coalition's live activity feed, filterable by working group. */
export function ActivityFeed({ coalitionId }: { coalitionId: string }) {
  const [groupId, setGroupId] = useState<string | null>(null);
  const groups = useWorkingGroups(coalitionId);
  const feed = useActivity(coalitionId, groupId);
  return (
    <Stack gap="sm">
      <Select
        placeholder="All working groups"
        clearable
        data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
        value={groupId}
        onChange={setGroupId}
        w={260}
        aria-label="Working group"
      />
      <TaskActivityList items={(feed.data ?? []).slice(0, 20)} showTask />
    </Stack>
  );
}
