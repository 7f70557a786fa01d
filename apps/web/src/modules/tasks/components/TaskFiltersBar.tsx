import { useState } from 'react';
import { ActionIcon, Button, Group, Menu, Select, TextInput } from '@mantine/core';
import { IconBookmark, IconTrash, IconX } from '@tabler/icons-react';
import { TASK_STATUSES, TASK_STATUS_LABELS } from '@coalesce/domain';
import type { TaskFilters } from '../api/tasksApi';
import { useSavedFilters } from '../hooks/useSavedFilters';

/** Status, organization, label, due and bill filters, with named filters saved in this browser. */
export function TaskFiltersBar({
  coalitionId,
  filters,
  onChange,
  organizations,
}: {
  coalitionId: string;
  filters: TaskFilters;
  onChange: (filters: TaskFilters) => void;
  organizations: Array<{ id: string; name: string }>;
}) {
  const { saved, save, remove } = useSavedFilters(coalitionId);
  const [name, setName] = useState('');
  const set = (patch: Partial<TaskFilters>) => onChange({ ...filters, ...patch });
  return (
    <Group gap="xs" align="flex-end">
      <TextInput
        label="Search"
        placeholder="Title contains…"
        value={filters.q ?? ''}
        onChange={(e) => set({ q: e.currentTarget.value || undefined })}
        w={180}
      />
      <Select
        label="Status"
        clearable
        data={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
        value={filters.status ?? null}
        onChange={(v) => set({ status: v ?? undefined })}
        w={140}
      />
      <Select
        label="Organization"
        clearable
        searchable
        data={organizations.map((o) => ({ value: o.id, label: o.name }))}
        value={filters.assigneeOrgId ?? null}
        onChange={(v) => set({ assigneeOrgId: v ?? undefined })}
        w={200}
      />
      <TextInput
        label="Label"
        value={filters.label ?? ''}
        onChange={(e) => set({ label: e.currentTarget.value || undefined })}
        w={110}
      />
      <Select
        label="Due"
        clearable
        data={[
          { value: 'overdue', label: 'Overdue' },
          { value: 'week', label: 'Next 7 days' },
        ]}
        value={filters.due ?? null}
        onChange={(v) => set({ due: (v as TaskFilters['due']) ?? undefined })}
        w={130}
      />
      <TextInput
        label="Linked bill"
        placeholder="Bill id"
        value={filters.billId ?? ''}
        onChange={(e) => set({ billId: e.currentTarget.value || undefined })}
        w={120}
      />
      <ActionIcon variant="subtle" aria-label="Clear filters" onClick={() => onChange({})} mb={4}>
        <IconX size={16} />
      </ActionIcon>
      <Menu position="bottom-end" closeOnItemClick={false}>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} />}>
            Saved filters
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {saved.map((s) => (
            <Menu.Item
              key={s.name}
              onClick={() => onChange(s.filters)}
              rightSection={
                <ActionIcon
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={`Delete ${s.name}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    remove(s.name);
                  }}
                >
                  <IconTrash size={12} />
                </ActionIcon>
              }
            >
              {s.name}
            </Menu.Item>
          ))}
          {saved.length > 0 && <Menu.Divider />}
          <Group gap={4} p={6}>
            <TextInput
              size="xs"
              placeholder="Name these filters"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <Button
              size="xs"
              disabled={!name.trim()}
              onClick={() => {
                save(name.trim(), filters);
                setName('');
              }}
            >
              Save
            </Button>
          </Group>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
