import { Select } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import type { MeDto } from '@coalesce/protocol';
import { roleLabel } from '../../../ui/RoleBadge';

interface CoalitionSwitcherProps {
  coalitions: MeDto['coalitions'];
  value: string | null;
  onChange: (coalitionId: string) => void;
}

/** Chooses the coalition the workspace shows (its id is in the URL). */
export function CoalitionSwitcher({ coalitions, value, onChange }: CoalitionSwitcherProps) {
  if (coalitions.length === 0) return null;
  return (
    <Select
      aria-label="Current coalition"
      placeholder="Choose a coalition"
      data={coalitions.map((c) => ({ value: c.id, label: c.name }))}
      value={value}
      onChange={(id) => id && onChange(id)}
      allowDeselect={false}
      leftSection={<IconUsersGroup size={16} />}
      renderOption={({ option }) => {
        const role = coalitions.find((c) => c.id === option.value)?.role;
        return (
          <div>
            <div>{option.label}</div>
            {role && <div style={{ fontSize: 12, opacity: 0.65 }}>{roleLabel(role)}</div>}
          </div>
        );
      }}
      w={{ base: 200, sm: 320 }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
