import { Badge } from '@mantine/core';
import type { CoalitionRole, OrgRole } from '@coalesce/domain';

const COLORS: Record<CoalitionRole | OrgRole, string> = {
  coordinator: 'indigo',
  member: 'teal',
  observer: 'gray',
  admin: 'grape',
};

const LABELS: Record<CoalitionRole | OrgRole, string> = {
  coordinator: 'Coordinator',
  member: 'Member',
  observer: 'Observer',
  admin: 'Admin',
};

export function roleLabel(role: string): string {
  return LABELS[role as CoalitionRole] ?? role;
}

export function RoleBadge({ role }: { role: CoalitionRole | OrgRole | string }) {
  return (
    <Badge variant="light" color={COLORS[role as CoalitionRole] ?? 'gray'} radius="sm">
      {roleLabel(role)}
    </Badge>
  );
}
