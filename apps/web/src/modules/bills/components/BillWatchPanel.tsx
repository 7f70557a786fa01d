import { Button, Group, Select, Switch, TagsInput } from '@mantine/core';
import { WATCH_PRIORITIES } from '@coalesce/domain';
import type { WatchPriority } from '@coalesce/domain';
import type { BillDto } from '@coalesce/protocol';
import { notifyError } from '../../../ui/notify';
import { useFollowBill, useSetLead, useWatchBill } from '../hooks/useBillMutations';

interface Props {
  coalitionId: string;
  bill: BillDto;
  organizations: Array<{ id: string; name: string }>;
  canEdit: boolean;
  canAssignLead: boolean;
}

/** The coalition's watchlist entry (priority, tags), the lead organization, and following for alerts. */
export function BillWatchPanel({
  coalitionId,
  bill,
  organizations,
  canEdit,
  canAssignLead,
}: Props) {
  const watch = useWatchBill(coalitionId, bill.id);
  const follow = useFollowBill(coalitionId, bill.id);
  const lead = useSetLead(coalitionId, bill.id);
  const save = (patch: Partial<{ watched: boolean; priority: WatchPriority; tags: string[] }>) =>
    watch
      .mutateAsync({
        watched: patch.watched ?? bill.watched,
        priority: patch.priority ?? bill.priority ?? 'medium',
        tags: patch.tags ?? bill.tags,
      })
      .catch(notifyError);
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <Switch
        label="On the coalition's watchlist"
        checked={bill.watched}
        disabled={!canEdit}
        onChange={(e) => void save({ watched: e.currentTarget.checked })}
        mb={8}
      />
      <Select
        label="Priority"
        data={WATCH_PRIORITIES.map((p) => ({ value: p, label: p }))}
        value={bill.priority ?? null}
        disabled={!canEdit || !bill.watched}
        allowDeselect={false}
        onChange={(v) => v && void save({ priority: v as WatchPriority })}
        w={120}
      />
      <TagsInput
        label="Tags"
        value={bill.tags}
        disabled={!canEdit}
        onChange={(tags) => void save({ tags })}
        w={240}
      />
      <Select
        label="Lead organization"
        placeholder="None"
        clearable
        disabled={!canAssignLead}
        data={organizations.map((o) => ({ value: o.id, label: o.name }))}
        value={bill.leadOrg?.id ?? null}
        onChange={(v) => lead.mutateAsync(v).catch(notifyError)}
        w={240}
      />
      <Button
        variant={bill.following ? 'default' : 'light'}
        loading={follow.isPending}
        onClick={() => follow.mutateAsync(!bill.following).catch(notifyError)}
      >
        {bill.following ? 'Stop following' : 'Follow for alerts'}
      </Button>
    </Group>
  );
}
